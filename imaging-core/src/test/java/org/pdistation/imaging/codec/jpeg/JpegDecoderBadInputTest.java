package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.testing.SharedData;

/**
 * Corrupt and mismatching streams must end in a {@link CodecException} (or, for damage the format cannot detect,
 * a normal decode), quickly, and never in another throwable.
 */
class JpegDecoderBadInputTest {
    /** A lossy 8-bit, a lossy 12-bit, a subsampled colour and a lossless stream from the corpus. */
    static Stream<String> sources() {
        return Stream.of("single/pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm", "single/pydicom/JPGExtended.dcm",
                "single/pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm", "single/dcm4che/MR-JPEGLosslessSV1.dcm",
                "single/pydicom/SC_rgb_jpeg_gdcm.dcm");
    }

    private static JpegFrames.Encapsulated load(String relative) throws Exception {
        return JpegFrames.read(SharedData.requireDicomFile(relative));
    }

    /** Trims DICOM padding after EOI so that the cut points fall into the JPEG data proper. */
    private static byte[] stream(JpegFrames.Encapsulated enc) {
        byte[] s = enc.frames().get(0);
        int end = s.length;
        while (end > 2 && !((s[end - 2] & 0xFF) == 0xFF && (s[end - 1] & 0xFF) == 0xD9)) end--;
        return Arrays.copyOf(s, end);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void everyTruncationIsACodecException(String relative) throws Exception {
        JpegFrames.Encapsulated enc = load(relative);
        byte[] s = stream(enc);
        JpegDecoder dec = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        int step = Math.max(1, s.length / 1500);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut = 0; cut < s.length - 2; cut += cut > s.length - 64 ? 1 : step) {
                int len = cut;
                CodecException e = assertThrows(CodecException.class, () -> dec.decode(s, 0, len, enc.desc(), buf),
                        "cut at " + len + " of " + s.length);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("sources")
    void randomByteFlipsNeverThrowAnythingButCodecException(String relative) throws Exception {
        JpegFrames.Encapsulated enc = load(relative);
        byte[] s = stream(enc);
        JpegDecoder dec = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        SplittableRandom rnd = new SplittableRandom(relative.hashCode());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int rejected = 0;
            for (int round = 0; round < 1500; round++) {
                byte[] m = s.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    // Half of the flips hit the headers, where most of the parsing decisions are.
                    int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(m.length, 700)) : rnd.nextInt(m.length);
                    m[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : m[at] ^ (1 << rnd.nextInt(8)));
                }
                try {
                    dec.decode(m, 0, m.length, enc.desc(), buf);
                } catch (CodecException e) {
                    // The decoder's last-resort wrapping of a runtime exception would mean a missing check.
                    assertTrue(!e.getMessage().startsWith("corrupt JPEG stream: java."), "round " + round + ": " + e);
                    rejected++;
                } catch (Throwable t) {
                    fail("round " + round + ": " + t, t);
                }
            }
            assertTrue(rejected > 0, "some corruptions must be detected");
        });
    }

    @ParameterizedTest
    @MethodSource("sources")
    void missingTablesOrFrameHeaderAreReported(String relative) throws Exception {
        JpegFrames.Encapsulated enc = load(relative);
        byte[] s = stream(enc);
        FrameBuffer buf = new FrameBuffer();
        byte[] noDht = removeSegments(s, 0xC4);
        CodecException e = assertThrows(CodecException.class,
                () -> new JpegDecoder().decode(noDht, 0, noDht.length, enc.desc(), buf));
        assertTrue(e.getMessage().contains("DHT"), e.getMessage());
        byte[] noSof = removeSegments(s, 0xC0, 0xC1, 0xC3);
        e = assertThrows(CodecException.class,
                () -> new JpegDecoder().decode(noSof, 0, noSof.length, enc.desc(), buf));
        assertTrue(e.getMessage().contains("SOF"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void frameSizeOrComponentMismatchWithTheDescriptorIsRefused(String relative) throws Exception {
        JpegFrames.Encapsulated enc = load(relative);
        byte[] s = stream(enc);
        ImageDescriptor d = enc.desc();
        FrameBuffer buf = new FrameBuffer();
        JpegDecoder dec = new JpegDecoder();
        ImageDescriptor taller = new ImageDescriptor(d.rows() + 1, d.columns(), d.samplesPerPixel(),
                d.bitsAllocated(), d.bitsStored(), d.highBit(), d.signed(), 0, d.photometric(), 1);
        assertTrue(assertThrows(CodecException.class, () -> dec.decode(s, 0, s.length, taller, buf))
                .getMessage().contains("but the image is"));
        ImageDescriptor otherSpp = new ImageDescriptor(d.rows(), d.columns(), d.samplesPerPixel() == 1 ? 3 : 1,
                d.bitsAllocated(), d.bitsStored(), d.highBit(), d.signed(), 0, d.photometric(), 1);
        assertThrows(CodecException.class, () -> dec.decode(s, 0, s.length, otherSpp, buf));
        // A SOF claiming 65535 x 65535 must be refused before anything of that size is allocated.
        byte[] huge = s.clone();
        int sof = find(huge, 0xC0, 0xC1, 0xC3);
        Arrays.fill(huge, sof + 5, sof + 9, (byte) 0xFF);
        long t0 = System.nanoTime();
        assertTrue(assertThrows(CodecException.class, () -> dec.decode(huge, 0, huge.length, d, buf))
                .getMessage().contains("65535x65535"));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        // The decoder still works after all this.
        dec.decode(s, 0, s.length, d, buf);
    }

    @Test
    void sequentialScanUnderProgressiveHeaderAndArithmeticStreamsAreRefused() throws Exception {
        JpegFrames.Encapsulated enc = load("single/pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm");
        byte[] s = stream(enc);
        int sof = find(s, 0xC0);
        FrameBuffer buf = new FrameBuffer();
        s[sof + 1] = (byte) 0xC2;
        // G.1.1.1.1: a progressive scan is either DC only or one AC band; 0..63 is neither.
        assertTrue(assertThrows(CodecException.class, () -> new JpegDecoder().decode(s, 0, s.length, enc.desc(),
                buf)).getMessage().contains("bad progressive scan"));
        s[sof + 1] = (byte) 0xC9;
        assertTrue(assertThrows(CodecException.class,
                () -> new JpegDecoder().decode(s, 0, s.length, enc.desc(), buf)).getMessage().contains("arithmetic"));
    }

    @Test
    void boundsOutsideTheArrayAndEmptyInputAreRefused() {
        FrameBuffer buf = new FrameBuffer();
        ImageDescriptor d = new ImageDescriptor(8, 8, 1, 8, 8, 7, false, 0, org.pdistation.imaging.codec.Photometric.MONOCHROME2, 1);
        JpegDecoder dec = new JpegDecoder();
        assertThrows(CodecException.class, () -> dec.decode(new byte[10], 5, 10, d, buf));
        assertThrows(CodecException.class, () -> dec.decode(new byte[0], 0, 0, d, buf));
        assertThrows(CodecException.class, () -> dec.decode(new byte[] {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xD9}, 0, 4, d, buf));
    }

    /** Offset of the first marker among {@code markers} in the header part of the stream. */
    private static int find(byte[] s, int... markers) {
        int p = 2;
        while (p + 4 <= s.length) {
            int m = s[p + 1] & 0xFF;
            for (int want : markers) if (m == want) return p;
            if (m == 0xDA) break;
            p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
        }
        throw new AssertionError("marker not found");
    }

    /** The stream without every header segment whose marker is in {@code markers}. */
    private static byte[] removeSegments(byte[] s, int... markers) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(s, 0, 2);
        int p = 2;
        while (p + 4 <= s.length) {
            int m = s[p + 1] & 0xFF;
            if (m == 0xDA) break;
            int len = 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
            boolean drop = false;
            for (int want : markers) drop |= m == want;
            if (!drop) out.write(s, p, len);
            p += len;
        }
        out.write(s, p, s.length - p);
        return out.toByteArray();
    }
}
