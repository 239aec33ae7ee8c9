package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;

/**
 * Issue 6 acceptance: the station process killed (SIGKILL) halfway through an import, then resumed: Orthanc ends
 * with every instance of the medium once, and the journal says complete. Instances whose "stored" was not yet
 * journalled when the process died are sent again; Orthanc takes a known SOP Instance UID with the same content as
 * the instance it has (its instance list does not grow) and answers success, so they end STORED, not twice.
 */
class ImporterKilledOrthancTest {
    private static final int COUNT = 120;

    @Test
    void importerKilledHalfwayThenResumedStoresEverythingOnce(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        new SyntheticCtStudy(32, 60, 21).write(medium, COUNT);
        Path journalFile = dir.resolve("journal.db");
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), "")) {
            Process child = ImportChild.command(List.of("-Xmx128m"), journalFile.toString(), medium.toString(),
                    "ORTHANC", Integer.toString(orthanc.dicomPort()), "1").start();
            long job;
            int atKill;
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String first = out.readLine();
                while (first != null && !first.startsWith("job ")) {
                    first = out.readLine();
                }
                assertTrue(first != null, "the child import never started");
                job = Long.parseLong(first.substring(4).strip());
                long deadline = System.nanoTime() + 60_000_000_000L;
                while ((atKill = orthanc.instances().size()) < COUNT / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } finally {
                child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no journal flush
                child.waitFor();
            }
            assertTrue(atKill >= COUNT / 3 && atKill < COUNT, "killed at " + atKill + " of " + COUNT);

            try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
                assertTrue(journal.counts(job).get(InstanceState.PENDING) > 0);
                Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                        orthanc.dicomPort()), "PDICHILD", 2));
                Map<InstanceState, Integer> counts = importer.resume(job, (r, d, t) -> { });
                assertEquals(COUNT, counts.get(InstanceState.STORED), counts.toString());
                assertEquals("COMPLETE", journal.job(job).orElseThrow().state());
            }
            List<String> ids = orthanc.instances();
            assertEquals(COUNT, ids.size());
            assertEquals(COUNT, new HashSet<>(ids).size());
            String stats = orthanc.get("/statistics");
            assertTrue(stats.contains("\"CountInstances\" : " + COUNT), stats);
        }
    }
}
