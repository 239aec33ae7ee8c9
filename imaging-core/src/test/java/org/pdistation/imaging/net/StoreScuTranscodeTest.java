package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** StoreScu falls back to an uncompressed syntax when storescp (default options) accepts no compressed one. */
class StoreScuTranscodeTest {

    @ParameterizedTest
    @CsvSource({
            "single/dcm4che/MR-JPEGLosslessSV1.dcm, dcmdjpeg, JPEG Lossless",
            "single/pydicom/MR_small_RLE.dcm, dcmdrle, RLE Lossless",
            "single/pydicom/MR_small_jp2klossless.dcm, gdcmconv, JPEG 2000"})
    void compressedFileIsDecompressedForAnUncompressedOnlyPeer(String relative, String tool, String tsName,
                                                               @TempDir Path dir) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        Path reference = dir.resolve("reference.dcm");
        if (tool.equals("gdcmconv")) {
            Peers.run(Duration.ofSeconds(60), Peers.require(tool).toString(), "--raw", file.toString(),
                    reference.toString()).requireSuccess();
        } else {
            Peers.run(Duration.ofSeconds(60), Peers.require(tool).toString(), file.toString(), reference.toString())
                    .requireSuccess();
        }
        Path out = dir.resolve("out");
        java.nio.file.Files.createDirectories(out);
        int port = Peers.freeLoopbackPort();
        List<StoreResult> results;
        // storescp without +x options accepts only the uncompressed little/big endian syntaxes.
        try (PeerProcess scp = PeerProcess.start(port, PeerProcess.executable("storescp"), "-aet", "DCMTK",
                "-od", out.toString(), String.valueOf(port))) {
            results = new StoreScu(new RemoteAe("DCMTK", "127.0.0.1", port), "PDI", NetOptions.DEFAULT)
                    .store(List.of(file), 1, r -> { });
        }
        assertEquals(1, results.size());
        StoreResult r = results.get(0);
        assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
        assertNotNull(r.note(), r.describe());
        assertTrue(r.note().startsWith("transcoded from " + tsName), r.note());
        assertTrue(r.note().endsWith("to Explicit VR Little Endian"), r.note());

        Path got = StoreScuInteropTest.bySopInstance(out).get(StoreInstance.scan(file).sopInstanceUid());
        assertNotNull(got, "storescp did not write the instance");
        DicomFile received = DicomReader.read(got, ReadOptions.IN_MEMORY);
        DicomFile expected = DicomReader.read(reference, ReadOptions.IN_MEMORY);
        assertEquals("1.2.840.10008.1.2.1", received.transferSyntax().uid());
        assertArrayEquals(expected.dataset().getBytes(Tag.PixelData), received.dataset().getBytes(Tag.PixelData));
        assertEquals(expected.dataset().getInt(Tag.Rows, -1), received.dataset().getInt(Tag.Rows, -2));
    }
}
