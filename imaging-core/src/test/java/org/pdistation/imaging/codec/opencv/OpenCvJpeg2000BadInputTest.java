package org.pdistation.imaging.codec.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.EncapsulatedFrames;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.MutationRunner;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.SharedData;

/** Corrupt, truncated, mismatching and JP2-wrapped JPEG 2000 input. */
class OpenCvJpeg2000BadInputTest {
    static final String KY = "single/pydicom/SC_rgb_gdcm_KY.dcm";

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"single/pydicom/MR_small_jp2klossless.dcm, 1, 300", "single/pydicom/SC_rgb_gdcm_KY.dcm, 2, 300",
            "multiframe/pydicom-data/emri_small_jpeg_2k_lossless.dcm, 3, 200",
            "single/pydicom-data/HTJ2KLossless_08_RGB.dcm, 4, 60", "single/pydicom-data/US1_J2KI.dcm, 5, 40"})
    void mutatedCodestreamsDecodeOrThrowCodecException(String relative, long seed, int count) throws Exception {
        MutationRunner.Outcome o = MutationRunner.run(new OpenCvJpeg2000Decoder(), SharedData.requireDicomFile(relative),
                seed, count);
        System.out.println("J2K mutations of " + relative + ": " + o);
        assertEquals(count, o.decoded() + o.refused());
    }

    @Test
    void truncatedSizMarkerIsRefusedBeforeNativeCode() throws Exception {
        Frame f = frame(KY);
        for (int len : new int[] {0, 1, 3, 4, 20, 41}) {
            CodecException e = assertThrows(CodecException.class,
                    () -> new OpenCvJpeg2000Decoder().decode(f.bytes, 0, len, f.desc, new FrameBuffer()));
            assertTrue(e.getMessage().contains("SOC") || e.getMessage().contains("SIZ"), e.getMessage());
        }
    }

    @Test
    void sizeMismatchWithTheDescriptorIsRefused() throws Exception {
        Frame f = frame(KY);
        ImageDescriptor wrong = new ImageDescriptor(99, 100, 3, 8, 8, 7, false, 0, Photometric.RGB, 1);
        CodecException e = assertThrows(CodecException.class,
                () -> new OpenCvJpeg2000Decoder().decode(f.bytes, 0, f.bytes.length, wrong, new FrameBuffer()));
        assertTrue(e.getMessage().contains("100x100x3 but the image is 100x99x3"), e.getMessage());
    }

    @Test
    void hugeSizInAShortStreamIsRefused() throws Exception {
        Frame f = frame(KY);
        byte[] b = f.bytes.clone();
        // SIZ Xsiz = Ysiz = 0x7FFFFFFF, 1x1 tiles: 2^62 tiles
        for (int i = 8; i < 16; i++) b[i] = (byte) (i % 4 == 0 ? 0x7F : 0xFF);
        for (int i = 24; i < 32; i++) b[i] = (byte) (i % 4 == 3 ? 1 : 0);
        assertThrows(CodecException.class, () -> new OpenCvJpeg2000Decoder().decode(b, 0, b.length, f.desc, new FrameBuffer()));
    }

    @Test
    void jp2WrappedCodestreamDecodesLikeTheRawOne() throws Exception {
        Frame f = frame(KY);
        FrameBuffer raw = new FrameBuffer();
        new OpenCvJpeg2000Decoder().decode(f.bytes, 0, f.bytes.length, f.desc, raw);
        byte[] jp2 = wrapInJp2(f.bytes);
        byte[] src = new byte[jp2.length + 10];
        System.arraycopy(jp2, 0, src, 5, jp2.length);
        FrameBuffer wrapped = new FrameBuffer();
        new OpenCvJpeg2000Decoder().decode(src, 5, jp2.length, f.desc, wrapped);
        assertArrayEquals(Arrays.copyOf(raw.bytes(), raw.sampleCount()), Arrays.copyOf(wrapped.bytes(), wrapped.sampleCount()));
    }

    @Test
    void reusedBufferAndDecoderGiveTheSameResult() throws Exception {
        Frame f = frame(KY);
        OpenCvJpeg2000Decoder d = new OpenCvJpeg2000Decoder();
        FrameBuffer buf = new FrameBuffer();
        d.decode(f.bytes, 0, f.bytes.length, f.desc, buf);
        byte[] first = Arrays.copyOf(buf.bytes(), buf.sampleCount());
        Frame other = frame("single/pydicom/MR_small_jp2klossless.dcm");
        d.decode(other.bytes, 0, other.bytes.length, other.desc, buf);
        d.decode(f.bytes, 0, f.bytes.length, f.desc, buf);
        assertArrayEquals(first, Arrays.copyOf(buf.bytes(), buf.sampleCount()));
    }

    /** T.800 I.5: signature, File Type and a minimal JP2 Header (ihdr + colr) box, then the codestream in 'jp2c'. */
    static byte[] wrapInJp2(byte[] codestream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A});
        box(out, "ftyp", new byte[] {'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' '});
        byte[] ihdr = {0, 0, 0, 100, 0, 0, 0, 100, 0, 3, 7, 7, 0, 0};
        byte[] colr = {1, 0, 0, 0, 0, 0, 16}; // enumerated sRGB
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        box(h, "ihdr", ihdr);
        box(h, "colr", colr);
        box(out, "jp2h", h.toByteArray());
        box(out, "jp2c", codestream);
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] content) {
        int len = 8 + content.length;
        out.writeBytes(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        out.writeBytes(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(content);
    }

    record Frame(byte[] bytes, ImageDescriptor desc) {}

    static Frame frame(String relative) throws Exception {
        Path p = SharedData.requireDicomFile(relative);
        Dataset ds = DicomReader.read(p, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        return new Frame(EncapsulatedFrames.of(ds, desc.frames()).get(0), desc);
    }
}
