package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/**
 * Our Storage Commitment SCU against Orthanc, which (since 1.6) reports on a new association to the modality it
 * finds in its DicomModalities by our calling AE title.
 */
class StorageCommitmentScuOrthancTest {

    @Test
    void orthancCommitsStoredInstancesAndFailsTheOneNeverStored(@TempDir Path dir) throws Exception {
        Path orthanc = Peers.require("Orthanc");
        int dicomPort = Peers.freeLoopbackPort();
        int httpPort = Peers.freeLoopbackPort();
        NetOptions opts = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(20));
        CommitmentReceiver receiver = new CommitmentReceiver();
        try (DicomServer listener = DicomServer.start(new DicomServer.Config("PDIMOD", "127.0.0.1", 0,
                Set.of("ORTHANC"), 4, opts), new FolderSink(dir.resolve("unused")), ServerSocketFactory.getDefault(),
                null, receiver)) {
            Path cfg = Files.writeString(dir.resolve("orthanc.json"), """
                    {
                      "Name": "pdi-commit-test",
                      "StorageDirectory": "%s",
                      "IndexDirectory": "%s",
                      "RemoteAccessAllowed": false,
                      "AuthenticationEnabled": false,
                      "HttpPort": %d,
                      "DicomPort": %d,
                      "DicomAet": "ORTHANC",
                      "DicomCheckCalledAet": false,
                      "DicomModalities": { "pdi": [ "PDIMOD", "127.0.0.1", %d ] },
                      "Plugins": []
                    }
                    """.formatted(dir.resolve("storage"), dir.resolve("index"), httpPort, dicomPort,
                    listener.port()));
            Process p = new ProcessBuilder(orthanc.toString(), cfg.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
            try {
                waitForHttp(httpPort, p, dir.resolve("orthanc.log"));
                RemoteAe target = new RemoteAe("ORTHANC", "127.0.0.1", dicomPort);
                List<Path> files = new SyntheticCtStudy(64, 4, 11).write(dir.resolve("src"), 4);
                for (StoreResult r : new StoreScu(target, "PDIMOD", opts).store(files, 1, r -> { })) {
                    assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
                }
                List<SopRef> refs = new ArrayList<>();
                for (Path f : files) {
                    refs.add(new SopRef(UID.CTImageStorage, StoreInstance.scan(f).sopInstanceUid()));
                }
                var scu = new StorageCommitmentScu(target, "PDIMOD", opts, SocketFactory.getDefault(), receiver,
                        Duration.ofSeconds(1));

                CommitmentResult all = scu.commit(refs, Duration.ofSeconds(30));
                assertTrue(all.allCommitted(), () -> all + "\n" + tail(dir.resolve("orthanc.log")));
                assertFalse(all.reportedOnSameAssociation(), "Orthanc reports on a new association");
                assertEquals(Set.copyOf(refs), Set.copyOf(all.committed()));

                List<SopRef> asked = new ArrayList<>(refs);
                SopRef never = new SopRef(UID.CTImageStorage, "1.2.826.0.1.3680043.2.1143.4242.1");
                asked.add(never);
                CommitmentResult some = scu.commit(asked, Duration.ofSeconds(30));
                assertEquals(2, some.eventTypeId());
                assertEquals(Set.copyOf(refs), Set.copyOf(some.committed()));
                assertFalse(some.isCommitted(never.sopInstanceUid()));
                CommitmentResult.Failure f = some.failure(never.sopInstanceUid());
                assertNotNull(f, some::toString);
                // PS3.4 J.3.3.1.1: Orthanc reports 0112H (no such object instance) for what it does not hold.
                assertEquals(0x0112, f.reason(), f.meaning());
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void waitForHttp(int port, Process p, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("Orthanc exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/system")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Orthanc HTTP port " + port + " not answering within 30 s:\n" + tail(log));
    }
}
