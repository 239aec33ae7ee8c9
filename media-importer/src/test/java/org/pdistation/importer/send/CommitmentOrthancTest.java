package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.importer.TestMedia;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.ReviewModel;

/**
 * Issue 6 item 4 against Orthanc as Storage Commitment SCP (it reports on an association it opens to us, so it knows
 * our AE title at the check's listener): the medium is COMPLETE only once every stored instance is committed; an
 * instance the PACS no longer holds when asked is reported per instance and the job is not complete.
 */
class CommitmentOrthancTest {
    private static final LocalIdentity LOCAL = new LocalIdentity("CMT1", "HOSP", "Commit^Ted", "19700101", "M",
            null, null);

    @Test
    void completeOnlyWhenEveryStoredInstanceIsCommitted(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        TestMedia.ctWithDicomdir(medium, 5, 16, 41);
        NetOptions net = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(20));
        int reportPort = Peers.freeLoopbackPort();
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")),
                "\"DicomModalities\": { \"pdi\": [ \"PDICOMMIT\", \"127.0.0.1\", " + reportPort + " ] }");
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            RemoteAe pacs = new RemoteAe("ORTHANC", "127.0.0.1", orthanc.dicomPort());
            try (ScuCommitmentCheck check = ScuCommitmentCheck.open(pacs, "PDICOMMIT", net,
                    SocketFactory.getDefault(), reportPort, Duration.ofSeconds(30))) {
                Importer importer = new Importer(journal, ImportConfig.of(pacs, "PDICOMMIT", 1)
                        .withCommitment(check));
                long job = importer.prepare(ReviewModel.build(MediumOpener.open(medium)), List.of(), LOCAL);
                Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });
                assertEquals(5, counts.get(InstanceState.STORED), counts.toString());
                assertEquals("COMPLETE", journal.job(job).orElseThrow().state());

                // Another medium; one instance disappears from the PACS between its C-STORE and the commitment.
                Path second = Files.createDirectories(dir.resolve("second"));
                TestMedia.ctWithDicomdir(second, 3, 16, 42);
                HttpClient http = HttpClient.newHttpClient();
                CommitmentCheck losing = refs -> {
                    try {
                        String id = orthancId(orthanc, refs.get(0).sopInstanceUid());
                        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + orthanc.httpPort()
                                + "/instances/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    return check.uncommitted(refs);
                };
                Importer importer2 = new Importer(journal, ImportConfig.of(pacs, "PDICOMMIT", 1)
                        .withCommitment(losing).withRetry(1, Duration.ofMillis(10)));
                long job2 = importer2.prepare(ReviewModel.build(MediumOpener.open(second)), List.of(), LOCAL);
                Map<InstanceState, Integer> counts2 = importer2.run(job2, (r, d, t) -> { });
                assertEquals(2, counts2.get(InstanceState.STORED), counts2.toString());
                assertEquals(1, counts2.get(InstanceState.FAILED), counts2.toString());
                assertEquals("COMPLETE_WITH_FAILURES", journal.job(job2).orElseThrow().state());
                ImportReport.Entry failed = ImportReport.of(journal, job2).entries(InstanceState.FAILED).get(0);
                // PS3.4 J.3.3.1.1: 0112H, no such object instance.
                assertTrue(failed.detail().contains("not committed") && failed.detail().contains("0112"),
                        failed.detail());
            }
        }
    }

    private static String orthancId(OrthancPeer orthanc, String sopInstanceUid) throws Exception {
        for (String id : orthanc.instances()) {
            if (orthanc.get("/instances/" + id + "/content/0008-0018").replace("\0", "").strip()
                    .equals(sopInstanceUid)) {
                return id;
            }
        }
        throw new AssertionError(sopInstanceUid + " is not in Orthanc");
    }
}
