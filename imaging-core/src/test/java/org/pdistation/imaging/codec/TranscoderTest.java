package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Transcoding keeps pixels: compressed → Explicit VR LE gives the frames the codec decodes, and our encoders'
 * output decodes with DCMTK's own decoder to the source's stored values.
 */
class TranscoderTest {

    private static String pixelHash(Path file) throws Exception {
        StringBuilder all = new StringBuilder();
        try (ImageFrames f = ImageFrames.open(file)) {
            FrameBuffer b = new FrameBuffer();
            for (int n = 0; n < f.frameCount(); n++) {
                f.readFrame(n, b);
                all.append(NativeFramesPydicomTest.md5(b)).append(' ');
            }
        }
        return all.toString();
    }

    @ParameterizedTest
    @CsvSource({
            "single/dcm4che/CT-JPEGLosslessSV1.dcm",
            "single/pydicom/MR_small_jpeg_ls_lossless.dcm",
            "single/pydicom/MR_small_RLE.dcm",
            "single/pydicom/SC_rgb_rle_16bit.dcm",
            "single/pydicom/MR_small_jp2klossless.dcm",
            "multiframe/dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm"})
    void decompressesToTheDecodedPixels(String name, @TempDir Path tmp) throws Exception {
        Path src = SharedData.requireDicomFile(name);
        Path out = tmp.resolve("out.dcm");
        new Transcoder().transcode(src, out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(pixelHash(src), pixelHash(out));
        DicomFile back = DicomReader.read(out, ReadOptions.HEADER_ONLY);
        assertEquals(UID.ExplicitVRLittleEndian, back.transferSyntax().uid());
        Peers.run(Duration.ofSeconds(60), Peers.require("dcmdump").toString(), "-q", out.toString()).requireSuccess();
    }

    @ParameterizedTest
    @CsvSource({
            "single/pydicom/CT_small.dcm, 1.2.840.10008.1.2.5, dcmdrle",
            "single/pydicom/CT_small.dcm, 1.2.840.10008.1.2.4.70, dcmdjpeg",
            "single/pydicom/CT_small.dcm, 1.2.840.10008.1.2.4.80, dcmdjpls",
            "single/pydicom/MR_small.dcm, 1.2.840.10008.1.2.4.70, dcmdjpeg",
            "single/pydicom-data/SC_rgb.dcm, 1.2.840.10008.1.2.5, dcmdrle",
            "single/pydicom-data/SC_rgb.dcm, 1.2.840.10008.1.2.4.70, dcmdjpeg",
            "single/pydicom-data/SC_rgb.dcm, 1.2.840.10008.1.2.4.80, dcmdjpls"})
    void ourEncodingDecodesWithDcmtkToTheSource(String name, String syntax, String peer, @TempDir Path tmp)
            throws Exception {
        Path src = SharedData.requireDicomFile(name);
        Path ours = tmp.resolve("ours.dcm");
        new Transcoder().transcode(src, ours, TransferSyntax.of(syntax));
        Path back = tmp.resolve("back.dcm");
        Peers.run(Duration.ofSeconds(60), Peers.require(peer).toString(), ours.toString(), back.toString())
                .requireSuccess();
        assertEquals(pixelHash(src), pixelHash(back), "DCMTK " + peer + " decodes our " + syntax + " to the source");
        assertEquals(pixelHash(src), pixelHash(ours), "and so do we");
    }

    @Test
    void lossyOriginStaysMarkedLossy(@TempDir Path tmp) throws Exception {
        Path src = SharedData.requireDicomFile("single/pydicom/SC_rgb_jpeg_dcmtk.dcm");
        Path out = tmp.resolve("out.dcm");
        new Transcoder().transcode(src, out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile f = DicomReader.read(out, ReadOptions.HEADER_ONLY);
        assertEquals("01", f.dataset().getString(Tag.LossyImageCompression));
        // JPEG decoders hand back RGB: the rewritten image must say so (PS3.5 8.2.1)
        assertEquals("RGB", f.dataset().getString(Tag.PhotometricInterpretation));
    }

    @Test
    void refusesASyntaxItCannotEncode(@TempDir Path tmp) {
        Path src = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        IOException e = assertThrows(IOException.class, () -> new Transcoder().transcode(src, tmp.resolve("x.dcm"),
                TransferSyntax.of(UID.JPEGBaseline8Bit)));
        assertTrue(e.getMessage().contains("cannot encode"), e.getMessage());
    }
}
