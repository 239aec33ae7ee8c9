package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.InstanceRecord;
import org.pdistation.importer.review.ReviewModel;

/** Acceptance (issue 6): every DICOMDIR file-set of the shared data imports into Orthanc, coerced, pixels kept. */
class SharedFileSetsImportOrthancTest {
    private static final LocalIdentity LOCAL = new LocalIdentity("LOC9", "HOSP", "Local^Patient", "19700101", "O",
            null, null);

    @Test
    void everySharedDicomdirFileSetImportsEveryImportableInstance(@TempDir Path dir) throws Exception {
        Path data = SharedData.require().resolve("dicomdata");
        List<Path> dicomdirs;
        try (var s = Files.walk(data)) {
            // broken/ is a collection of damaged files that Orthanc itself aborts associations on (see
            // OrthancInteropTest's exclusions), not a medium; the broken-medium case is TestMedia.broken.
            dicomdirs = s.filter(p -> p.getFileName().toString().equals("DICOMDIR"))
                    .filter(p -> !data.relativize(p).startsWith("broken")).sorted().toList();
        }
        assertTrue(dicomdirs.size() >= 3, dicomdirs.toString());
        int n = 0;
        for (Path dd : dicomdirs) {
            Path work = Files.createDirectories(dir.resolve("fs" + n++));
            ReviewModel model = ReviewModel.build(MediumOpener.open(dd));
            long importable = model.allInstances().stream().filter(InstanceRecord::importable).count();
            try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(work.resolve("orthanc")), "");
                 Journal journal = Journal.open(work.resolve("journal.db"), Clock.systemUTC())) {
                Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                        orthanc.dicomPort()), "PDI", 2));
                long job = importer.prepare(model, List.of(), LOCAL);
                Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });
                ImportReport report = ImportReport.of(journal, job);
                int sent = counts.get(InstanceState.STORED) + counts.get(InstanceState.WARNING);
                assertEquals(importable, sent, dd + ": " + report.lines());
                assertEquals(sent, orthanc.instances().size(), dd + ": " + report.lines());
                // A sample: the first stored instance carries the local identity and its pixel data unchanged.
                if (report.entries(InstanceState.STORED).isEmpty()) {
                    continue;
                }
                ImportReport.Entry e = report.entries(InstanceState.STORED).get(0);
                String oid = orthancId(orthanc, e.sopInstanceUid());
                String tags = orthanc.get("/instances/" + oid + "/tags?simplify");
                assertTrue(tags.contains("\"PatientID\" : \"LOC9\"") && tags.contains("COERCE"), dd + ": " + tags);
                Path got = Files.write(work.resolve("got.dcm"), orthanc.getBytes("/instances/" + oid + "/file"));
                Path source = MediumCheck.resolve(model.medium().root(), journal.rows(job, InstanceState.STORED)
                        .get(0).path());
                byte[] want = DicomReader.read(source, ReadOptions.IN_MEMORY).dataset().getBytes(Tag.PixelData);
                if (want != null) {
                    assertArrayEquals(want, DicomReader.read(got, ReadOptions.IN_MEMORY).dataset()
                            .getBytes(Tag.PixelData), dd + ": " + e.fileId());
                }
            }
        }
    }

    private static String orthancId(OrthancPeer orthanc, String sopInstanceUid) throws Exception {
        for (String id : orthanc.instances()) {
            String sop = orthanc.get("/instances/" + id + "/content/0008-0018").replace("\0", "").strip();
            if (sop.equals(sopInstanceUid)) {
                return id;
            }
        }
        throw new AssertionError("Orthanc has no instance " + sopInstanceUid);
    }
}
