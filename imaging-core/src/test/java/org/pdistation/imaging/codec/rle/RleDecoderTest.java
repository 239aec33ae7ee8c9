package org.pdistation.imaging.codec.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Unit behaviour of the RLE codec: PackBits cases of G.3, header checks, hostile input and speed. */
class RleDecoderTest {
    private static final ImageDescriptor GREY8 = new ImageDescriptor(2, 4, 1, 8, 8, 7, false, 0,
            Photometric.MONOCHROME2, 1);

    private static byte[] frame(int[][] segments) {
        int total = 64;
        for (int[] s : segments) total += s.length;
        byte[] b = new byte[total];
        RleHeader.writeUL(b, 0, segments.length);
        int at = 64;
        for (int i = 0; i < segments.length; i++) {
            RleHeader.writeUL(b, 4 + 4 * i, at);
            for (int v : segments[i]) b[at++] = (byte) v;
        }
        return b;
    }

    @Test
    void literalReplicateAndNoOpRunsFollowG32() throws CodecException {
        // literal 3 bytes, -128 no-op, replicate 5 x 9
        byte[] f = frame(new int[][] {{2, 1, 2, 3, -128, -4, 9}});
        FrameBuffer fb = new FrameBuffer();
        assertEquals(Photometric.MONOCHROME2, new RleDecoder().decode(f, 0, f.length, GREY8, fb));
        assertArrayEquals(new byte[] {1, 2, 3, 9, 9, 9, 9, 9}, Arrays.copyOf(fb.bytes(), 8));
    }

    @Test
    void shortSegmentLeavesZerosAndLongSegmentStopsAtPlaneEnd() throws CodecException {
        FrameBuffer fb = new FrameBuffer();
        byte[] shortOne = frame(new int[][] {{1, 7, 7}});
        new RleDecoder().decode(shortOne, 0, shortOne.length, GREY8, fb);
        assertArrayEquals(new byte[] {7, 7, 0, 0, 0, 0, 0, 0}, Arrays.copyOf(fb.bytes(), 8));
        byte[] longOne = frame(new int[][] {{-9, 5, 0, 0}});
        new RleDecoder().decode(longOne, 0, longOne.length, GREY8, fb);
        assertArrayEquals(new byte[] {5, 5, 5, 5, 5, 5, 5, 5}, Arrays.copyOf(fb.bytes(), 8));
    }

    @Test
    void sixteenBitColourSegmentsAreMostSignificantFirstAndInterleaved() throws CodecException {
        ImageDescriptor d = new ImageDescriptor(1, 2, 3, 16, 16, 15, false, 0, Photometric.RGB, 1);
        byte[] f = frame(new int[][] {{-1, 0x12}, {1, 0x34, 0x35}, {-1, 0x56}, {1, 0x78, 0x79}, {-1, 0x9A},
                {1, 0xBC, 0xBD}});
        FrameBuffer fb = new FrameBuffer();
        new RleDecoder().decode(f, 0, f.length, d, fb);
        short[] expected = {0x1234, 0x5678, (short) 0x9ABC, 0x1235, 0x5679, (short) 0x9ABD};
        assertArrayEquals(expected, Arrays.copyOf(fb.shorts(), 6));
    }

    @Test
    void headerErrorsNameTheSegmentAndOffset() {
        byte[] f = frame(new int[][] {{-7, 1}});
        RleHeader.writeUL(f, 4, 5000);
        CodecException e = assertThrows(CodecException.class, () -> decode(f, GREY8));
        assertTrue(e.getMessage().contains("segment 1") && e.getMessage().contains("5000"), e.getMessage());

        ImageDescriptor rgb = GREY8.withPhotometric(Photometric.RGB);
        ImageDescriptor rgbDesc = new ImageDescriptor(2, 4, 3, 8, 8, 7, false, 0, Photometric.RGB, 1);
        byte[] g = frame(new int[][] {{-7, 1}, {-7, 2}, {-7, 3}});
        RleHeader.writeUL(g, 12, 65);
        e = assertThrows(CodecException.class, () -> decode(g, rgbDesc));
        assertTrue(e.getMessage().contains("segment 3") && e.getMessage().contains("65"), e.getMessage());
        assertEquals(Photometric.RGB, rgb.photometric());

        for (int count : new int[] {0, 16, -1}) {
            byte[] h = frame(new int[][] {{-7, 1}});
            RleHeader.writeUL(h, 0, count);
            assertThrows(CodecException.class, () -> decode(h, GREY8), "count " + count);
        }
        byte[] two = frame(new int[][] {{-7, 1}, {-7, 1}});
        assertThrows(CodecException.class, () -> decode(two, GREY8), "2 segments for 1 8-bit sample");
        assertThrows(CodecException.class, () -> decode(new byte[40], GREY8), "shorter than header");
    }

    @Test
    void truncatedAndFlippedFramesGiveOnlyCodecExceptionOrAFrame() throws Exception {
        Random random = new Random(42);
        ImageDescriptor d = new ImageDescriptor(64, 48, 3, 16, 12, 11, false, 0, Photometric.RGB, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(d);
        for (int i = 0; i < src.sampleCount(); i++) src.shorts()[i] = (short) (random.nextInt(8) * 500);
        byte[] good = new RleEncoder().encode(src, d);
        RleDecoder decoder = new RleDecoder();
        FrameBuffer out = new FrameBuffer();
        for (int len = 0; len <= good.length; len += 7) {
            tryDecode(decoder, good, 0, len, d, out);
        }
        for (int round = 0; round < 3000; round++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) bad[random.nextInt(round % 2 == 0 ? 64 : bad.length)] ^= (byte) (1 << random.nextInt(8));
            tryDecode(decoder, bad, 0, bad.length, d, out);
        }
        // a frame inside a larger array is never read past its end
        byte[] padded = new byte[good.length + 20];
        System.arraycopy(good, 0, padded, 10, good.length);
        decoder.decode(padded, 10, good.length, d, out);
        assertThrows(CodecException.class, () -> decoder.decode(good, 10, good.length, d, out));
    }

    private static void tryDecode(RleDecoder decoder, byte[] b, int off, int len, ImageDescriptor d, FrameBuffer out) {
        try {
            decoder.decode(b, off, len, d, out);
        } catch (CodecException expected) {
            // the contract: bad input is reported, never a runtime exception
        }
    }

    private static void decode(byte[] f, ImageDescriptor d) throws CodecException {
        new RleDecoder().decode(f, 0, f.length, d, new FrameBuffer());
    }

    @Test
    void encoderWritesEvenSegmentsAndReplicatesThreeByteRuns() throws CodecException {
        FrameBuffer fb = new FrameBuffer();
        fb.reset(GREY8);
        byte[] row = {4, 4, 4, 1, 2, 3, 3, 5};
        System.arraycopy(row, 0, fb.bytes(), 0, 8);
        byte[] rle = new RleEncoder().encode(fb, GREY8);
        assertEquals(1, RleHeader.readUL(rle, 0));
        assertEquals(64, RleHeader.readUL(rle, 4));
        assertEquals(0, rle.length % 2);
        // G.3.1: the two 4-pixel rows are encoded separately; the "3 3" pair joins the literal it interrupts;
        // the 9-byte segment gets a zero pad byte
        assertArrayEquals(new byte[] {-2, 4, 0, 1, 3, 2, 3, 3, 5, 0}, Arrays.copyOfRange(rle, 64, rle.length));
        FrameBuffer back = new FrameBuffer();
        new RleDecoder().decode(rle, 0, rle.length, GREY8, back);
        assertArrayEquals(Arrays.copyOf(fb.bytes(), 8), Arrays.copyOf(back.bytes(), 8));
    }

    @Test
    void thirtyTwoBitSamplesRoundTrip() throws CodecException {
        ImageDescriptor d = new ImageDescriptor(3, 5, 1, 32, 32, 31, false, 0, Photometric.MONOCHROME2, 1);
        FrameBuffer fb = new FrameBuffer();
        fb.reset(d);
        for (int i = 0; i < 15; i++) fb.ints()[i] = i * 0x01030507 ^ (i % 3 == 0 ? 0x80000000 : 0);
        byte[] rle = new RleEncoder().encode(fb, d);
        assertEquals(4, RleHeader.readUL(rle, 0));
        FrameBuffer back = new FrameBuffer();
        new RleDecoder().decode(rle, 0, rle.length, d, back);
        assertArrayEquals(Arrays.copyOf(fb.ints(), 15), Arrays.copyOf(back.ints(), 15));
    }

    /** Prints decode speed on a 512x512 16-bit synthetic CT frame (target: at least 300 MP/s on one thread). */
    @Test
    void benchmarkDecodeOf512SquareCtFrame(@TempDir Path tmp) throws Exception {
        List<Path> files = new SyntheticCtStudy(512, 1, 7).write(tmp, 1);
        var ds = DicomReader.read(files.get(0), ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor d = ImageDescriptor.of(ds);
        FrameBuffer src = new FrameBuffer();
        RleFrames.fromNative(ds.getBytes(Tag.PixelData), 0, d, src);
        byte[] rle = new RleEncoder().encode(src, d);
        RleDecoder decoder = new RleDecoder();
        FrameBuffer out = new FrameBuffer();
        for (int i = 0; i < 300; i++) decoder.decode(rle, 0, rle.length, d, out);
        int rounds = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) decoder.decode(rle, 0, rle.length, d, out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double mps = rounds * d.pixels() / seconds / 1e6;
        System.out.printf("RLE decode 512x512 16-bit CT (%d bytes compressed): %.0f MP/s%n", rle.length, mps);
        long e0 = System.nanoTime();
        for (int i = 0; i < 50; i++) new RleEncoder().encode(src, d);
        System.out.printf("RLE encode: %.0f MP/s%n", 50 * d.pixels() / ((System.nanoTime() - e0) / 1e9) / 1e6);
        assertArrayEquals(Arrays.copyOf(src.shorts(), src.sampleCount()), Arrays.copyOf(out.shorts(), out.sampleCount()));
        assertTrue(Files.size(files.get(0)) > rle.length);
    }
}
