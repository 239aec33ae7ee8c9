package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.testing.SharedData;

/** Corrupt, truncated and mismatching JPEG-LS input ends in a {@link CodecException}, never anything else. */
class JpegLsBadInputTest {
    private static final String MR = "single/pydicom/MR_small_jpeg_ls_lossless.dcm";
    private static final String RGB_LINE_NEAR = "single/pydicom/SC_rgb_jls_lossy_line.dcm";
    private static final String RGB_SAMPLE_NEAR = "single/pydicom/SC_rgb_jls_lossy_sample.dcm";
    private static final String RGB_NONE = "single/pydicom-data/JLSL_RGB_ILV0.dcm";
    private static final String CT_FRAGMENTED = "single/dicomparser/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm";
    private static final String NEAR_16 = "single/pydicom/JPEGLSNearLossless_16.dcm";

    private final JpegLsDecoder decoder = new JpegLsDecoder();
    private final FrameBuffer buffer = new FrameBuffer();

    private static JpegLsFixtures.Encoded load(String rel) throws Exception {
        return JpegLsFixtures.read(SharedData.requireDicomFile(rel));
    }

    /** Decodes, returning the exception if a CodecException was thrown; fails on any other throwable. */
    private CodecException decodeExpectingOnlyCodecException(byte[] src, int off, int len, ImageDescriptor desc) {
        try {
            decoder.decode(src, off, len, desc, buffer);
            return null;
        } catch (CodecException e) {
            assertNotNull(e.getMessage());
            return e;
        } catch (Throwable t) {
            throw new AssertionError("decoding " + len + " bytes threw " + t, t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MR, RGB_LINE_NEAR, RGB_SAMPLE_NEAR})
    void everyTruncationThrowsCodecException(String rel) throws Exception {
        JpegLsFixtures.Encoded enc = load(rel);
        byte[] stream = enc.frames().get(0);
        for (int len = 0; len < stream.length; len++) {
            CodecException e = decodeExpectingOnlyCodecException(stream, 0, len, enc.desc());
            if (e == null) fail(rel + " truncated to " + len + " of " + stream.length + " bytes decoded without error");
        }
    }

    @Test
    void truncationOfALargeMultiScanStreamThrowsCodecException() throws Exception {
        JpegLsFixtures.Encoded enc = load(RGB_NONE);
        byte[] stream = enc.frames().get(0);
        for (int len = 0; len < stream.length; len += 97) {
            assertNotNull(decodeExpectingOnlyCodecException(stream, 0, len, enc.desc()), "length " + len);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MR, RGB_LINE_NEAR, RGB_SAMPLE_NEAR, RGB_NONE, CT_FRAGMENTED, NEAR_16})
    void randomByteFlipsGiveImageOrCodecException(String rel) throws Exception {
        JpegLsFixtures.Encoded enc = load(rel);
        byte[] original = enc.frames().get(0);
        Random random = new Random(0x15L + rel.hashCode());
        long started = System.nanoTime();
        int rounds = Integer.getInteger("jpegls.fuzzRounds", 400);
        for (int round = 0; round < rounds; round++) {
            byte[] corrupt = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
            decodeExpectingOnlyCodecException(corrupt, 0, corrupt.length, enc.desc());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 75L * rounds, rounds + " corrupt decodes took " + millis + " ms");
    }

    @Test
    void streamWithoutFrameHeaderIsRejected() throws Exception {
        JpegLsFixtures.Encoded enc = load(MR);
        byte[] stream = enc.frames().get(0);
        int sof = indexOf(stream, 0xF7);
        int len = ((stream[sof + 2] & 0xFF) << 8) | (stream[sof + 3] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(stream, 0, sof);
        out.write(stream, sof + 2 + len, stream.length - sof - 2 - len);
        byte[] withoutSof = out.toByteArray();
        CodecException e = assertThrows(CodecException.class,
                () -> decoder.decode(withoutSof, 0, withoutSof.length, enc.desc(), buffer));
        assertTrue(e.getMessage().contains("before SOF55"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {65536 - 1, 1 << 16 | 0, 40000})
    void presetMaxvalAbovePrecisionIsRejected(int maxval) throws Exception {
        JpegLsFixtures.Encoded enc = load(RGB_LINE_NEAR); // 8-bit: MAXVAL must be at most 255
        byte[] stream = enc.frames().get(0);
        int v = maxval & 0xFFFF;
        if (v == 0) v = 256;
        byte[] lse = {(byte) 0xFF, (byte) 0xF8, 0, 13, 1, (byte) (v >> 8), (byte) v, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int at : new int[] {2, indexOf(stream, 0xDA)}) {
            byte[] patched = insert(stream, at, lse);
            CodecException e = assertThrows(CodecException.class,
                    () -> decoder.decode(patched, 0, patched.length, enc.desc(), buffer));
            assertTrue(e.getMessage().contains("MAXVAL"), e.getMessage());
        }
    }

    @Test
    void thresholdsOutOfOrderAreRejected() throws Exception {
        JpegLsFixtures.Encoded enc = load(MR);
        byte[] stream = enc.frames().get(0);
        byte[] lse = {(byte) 0xFF, (byte) 0xF8, 0, 13, 1, 0, 0, 0, 9, 0, 5, 0, 20, 0, 0}; // T1 9 > T2 5
        byte[] patched = insert(stream, indexOf(stream, 0xDA), lse);
        CodecException e = assertThrows(CodecException.class,
                () -> decoder.decode(patched, 0, patched.length, enc.desc(), buffer));
        assertTrue(e.getMessage().contains("thresholds"), e.getMessage());
    }

    @Test
    void mappingTablesAreRejected() throws Exception {
        JpegLsFixtures.Encoded enc = load(MR);
        byte[] stream = enc.frames().get(0);
        byte[] lse = {(byte) 0xFF, (byte) 0xF8, 0, 6, 2, 1, 1, 0};
        byte[] patched = insert(stream, indexOf(stream, 0xDA), lse);
        CodecException e = assertThrows(CodecException.class,
                () -> decoder.decode(patched, 0, patched.length, enc.desc(), buffer));
        assertTrue(e.getMessage().contains("mapping tables not supported"), e.getMessage());
    }

    @Test
    void frameSizeDifferentFromDescriptorIsRejected() throws Exception {
        JpegLsFixtures.Encoded enc = load(MR);
        byte[] stream = enc.frames().get(0);
        ImageDescriptor d = enc.desc();
        for (ImageDescriptor wrong : new ImageDescriptor[] {
                new ImageDescriptor(d.rows() + 1, d.columns(), 1, 16, 16, 15, false, 0, d.photometric(), 1),
                new ImageDescriptor(d.rows(), d.columns() - 1, 1, 16, 16, 15, false, 0, d.photometric(), 1),
                new ImageDescriptor(d.rows(), d.columns(), 3, 16, 16, 15, false, 0, d.photometric(), 1),
                new ImageDescriptor(d.rows(), d.columns(), 1, 8, 8, 7, false, 0, d.photometric(), 1)}) {
            CodecException e = assertThrows(CodecException.class,
                    () -> decoder.decode(stream, 0, stream.length, wrong, buffer));
            assertNotNull(e.getMessage());
        }
    }

    @Test
    void sourceRangeOutsideTheArrayIsRejected() throws Exception {
        JpegLsFixtures.Encoded enc = load(MR);
        byte[] stream = enc.frames().get(0);
        assertThrows(CodecException.class, () -> decoder.decode(stream, -1, 10, enc.desc(), buffer));
        assertThrows(CodecException.class, () -> decoder.decode(stream, 10, stream.length, enc.desc(), buffer));
        assertThrows(CodecException.class, () -> decoder.decode(null, 0, 0, enc.desc(), buffer));
    }

    @Test
    void decodesOnlyTheGivenRangeOfALargerArray() throws Exception {
        JpegLsFixtures.Encoded enc = load(RGB_SAMPLE_NEAR);
        byte[] stream = enc.frames().get(0);
        decoder.decode(stream, 0, stream.length, enc.desc(), buffer);
        byte[] expected = Arrays.copyOf(buffer.bytes(), buffer.sampleCount());
        byte[] padded = new byte[stream.length + 200];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(stream, 0, padded, 100, stream.length);
        FrameBuffer other = new FrameBuffer();
        decoder.decode(padded, 100, stream.length, enc.desc(), other);
        assertEquals(FrameBuffer.Kind.BYTE, other.kind());
        assertArrayEquals(expected, Arrays.copyOf(other.bytes(), other.sampleCount()));
    }

    @Test
    void wrongRestartMarkerNumberIsRejected() throws Exception {
        ImageDescriptor desc = new ImageDescriptor(40, 30, 1, 8, 8, 7, false, 0,
                org.pdistation.imaging.codec.Photometric.MONOCHROME2, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(desc);
        Random random = new Random(3);
        for (int i = 0; i < src.sampleCount(); i++) src.bytes()[i] = (byte) random.nextInt(256);
        byte[] stream = new JpegLsEncoder(0, 8).encode(src, desc);
        decoder.decode(stream, 0, stream.length, desc, buffer);
        int rst1 = indexOf(stream, 0xD1);
        byte[] patched = stream.clone();
        patched[rst1 + 1] = (byte) 0xD3;
        CodecException e = assertThrows(CodecException.class,
                () -> decoder.decode(patched, 0, patched.length, desc, buffer));
        assertTrue(e.getMessage().contains("RST1"), e.getMessage());
    }

    private static int indexOf(byte[] stream, int marker) {
        for (int i = 0; i + 1 < stream.length; i++) {
            if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xFF) == marker) return i;
        }
        throw new AssertionError("marker FF" + Integer.toHexString(marker) + " not found");
    }

    private static byte[] insert(byte[] stream, int at, byte[] segment) {
        byte[] out = new byte[stream.length + segment.length];
        System.arraycopy(stream, 0, out, 0, at);
        System.arraycopy(segment, 0, out, at, segment.length);
        System.arraycopy(stream, at, out, at + segment.length, stream.length - at);
        return out;
    }
}
