package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Received data sets are the bytes that were sent, however the sender cut them into PDVs: many small PDVs, and PDV
 * values of odd length so that every boundary after the first falls at an odd offset of the data set (the channel
 * path moves PDV values from a direct buffer straight to the file, so a boundary error would show here).
 */
class DicomServerReceivedBytesTest {

    private static List<Path> files(Path dir) throws Exception {
        List<Path> files = new ArrayList<>(new SyntheticCtStudy(96, 3, 7).write(dir.resolve("ct"), 3));
        files.add(SharedData.requireDicomFile("single/pydicom/CT_small.dcm"));
        return files;
    }

    /** Each file's data set (after its Part 10 header), by SOP Instance UID, must equal what {@code dir} holds. */
    private static void assertSameDataSets(List<Path> sent, Map<String, Path> received) throws Exception {
        assertEquals(sent.size(), received.size(), "files received");
        for (Path s : sent) {
            Path got = received.get(StoreInstance.scan(s).sopInstanceUid());
            assertNotNull(got, "not received: " + s);
            assertArrayEquals(StoreScuInteropTest.dataSet(s), StoreScuInteropTest.dataSet(got), s.toString());
        }
    }

    @Test
    void ourScuWithOddSizedPdvsArrivesByteIdentical(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir);
        Path in = dir.resolve("in");
        // The SCP announces 1031 bytes: our SCU then sends PDV values of 1025 bytes (PS3.8 9.3.5: the PDU length
        // bounds the items, each with a 6-byte header), an odd size, so boundaries fall at odd data set offsets.
        NetOptions odd = NetOptions.DEFAULT.withMaxPduLength(1031);
        try (DicomServer server = DicomServer.start(new DicomServer.Config("PDISCP", "127.0.0.1", 0, Set.of(), 2,
                odd), new FolderSink(in))) {
            List<StoreResult> results = new StoreScu(new RemoteAe("PDISCP", "127.0.0.1", server.port()), "PDI",
                    NetOptions.DEFAULT).store(files, 1, r -> { });
            for (StoreResult r : results) {
                assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
            }
        }
        assertSameDataSets(files, StoreScuInteropTest.bySopInstance(in));
    }

    @Test
    void storescuWithSmallAndOddPdusArrivesAsStorescpReceivesIt(@TempDir Path dir) throws Exception {
        Path storescu = Peers.require("storescu");
        List<Path> files = files(dir);
        // storescu re-encodes some files (it drops group lengths): what it sent is what storescp +B writes. DCMTK
        // refuses odd block lengths, so its PDV boundaries fall at even offsets (odd ones: the test above), but
        // mid-element: 4096 - 6 = 4090 is no multiple of 4, 5002 - 6 neither of 8.
        for (String maxSend : List.of("4096", "5002", "16384")) {
            Path ours = Files.createDirectories(dir.resolve("ours-" + maxSend));
            Path peer = Files.createDirectories(dir.resolve("peer-" + maxSend));
            try (DicomServer server = DicomServer.start(new DicomServer.Config("PDISCP", "127.0.0.1", 0, Set.of(),
                    2, NetOptions.DEFAULT), new FolderSink(ours))) {
                send(storescu, server.port(), maxSend, files);
            }
            int port = Peers.freeLoopbackPort();
            try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "PDISCP",
                    "+B", "-od", peer.toString(), String.valueOf(port))) {
                send(storescu, port, maxSend, files);
            }
            Map<String, Path> got = StoreScuInteropTest.bySopInstance(ours);
            Map<String, Path> expected = StoreScuInteropTest.bySopInstance(peer);
            assertEquals(expected.keySet(), got.keySet(), "instances with --max-send-pdu " + maxSend);
            for (var e : expected.entrySet()) {
                assertArrayEquals(StoreScuInteropTest.dataSet(e.getValue()), StoreScuInteropTest.dataSet(
                        got.get(e.getKey())), "data set " + e.getKey() + " with --max-send-pdu " + maxSend);
            }
        }
    }

    private static void send(Path storescu, int port, String maxSend, List<Path> files) {
        List<String> cmd = new ArrayList<>(List.of(storescu.toString(), "-aet", "DCMTK", "-aec", "PDISCP",
                "--max-send-pdu", maxSend, "127.0.0.1", String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        Peers.run(Duration.ofSeconds(60), cmd).requireSuccess();
    }
}
