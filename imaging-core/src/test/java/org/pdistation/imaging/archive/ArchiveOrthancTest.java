package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.Peers;

/** Orthanc with our archive in its DicomModalities: C-FIND (REST query) and C-MOVE (REST retrieve) from us. */
class ArchiveOrthancTest {
    @TempDir
    Path dir;

    @Test
    void orthancQueriesAndRetrievesFromTheArchive() throws Exception {
        Peers.require("Orthanc");
        int dicomPort = Peers.freeLoopbackPort();
        try (Archive archive = Archive.open(dir.resolve("archive"))) {
            for (int seed = 1; seed <= 2; seed++) {
                for (Path f : new SyntheticCtStudy(32, 3, seed).write(Files.createDirectories(dir.resolve("s" + seed)),
                        3)) {
                    archive.addFile(f, "T");
                }
            }
            int instances = archive.index().allInstances().size();
            AccessPolicy access = new AccessPolicy(Set.of(),
                    Map.of("ORTHANC", new RemoteAe("ORTHANC", "127.0.0.1", dicomPort)));
            try (DicomServer ours = ArchiveServer.start(archive, "ARCH", "127.0.0.1", 0, access, NetOptions.DEFAULT,
                    l -> { });
                 OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), dicomPort,
                         "\"DicomModalities\": { \"arch\": [ \"ARCH\", \"127.0.0.1\", " + ours.port() + " ] }")) {
                String q = orthanc.post("/modalities/arch/query",
                        "{\"Level\":\"Study\",\"Query\":{\"PatientName\":\"*\",\"StudyInstanceUID\":\"\"}}");
                Matcher m = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"").matcher(q);
                assertTrue(m.find(), q);
                String id = m.group(1);
                String answers = orthanc.get("/queries/" + id + "/answers");
                assertEquals(2, answers.replaceAll("[^0-9,]", "").split(",").length, answers);
                // Orthanc 1.10 fails (HTTP 500) on a bare AE string body; the object form works.
                orthanc.post("/queries/" + id + "/retrieve", "{\"TargetAet\":\"ORTHANC\",\"Synchronous\":true}");
                assertEquals(instances, orthanc.instances().size(), orthanc::log);
                assertTrue(archive.index().auditTrail().stream().anyMatch(r -> "ORTHANC".equals(r.callingAet())
                        && r.what().contains("C_MOVE_RQ")));
            }
        }
    }
}
