package org.pdistation.imaging.render.colour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.Ybr422;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Hand-made palettes, colour transforms on synthetic values, 4:2:2 expansion. */
class ColourRendererTest {
    private static final ImageDescriptor PAL8 = new ImageDescriptor(1, 6, 1, 8, 8, 7, false, 0,
            Photometric.PALETTE_COLOR, 1);

    private static byte[] words(int... w) {
        byte[] b = new byte[w.length * 2];
        for (int i = 0; i < w.length; i++) {
            b[2 * i] = (byte) w[i];
            b[2 * i + 1] = (byte) (w[i] >> 8);
        }
        return b;
    }

    private static Dataset palette(int[] descriptor, byte[] r, byte[] g, byte[] b, boolean segmented) {
        Dataset ds = new Dataset();
        ds.setInt(Tag.RedPaletteColorLookupTableDescriptor, VR.US, descriptor);
        ds.setInt(Tag.GreenPaletteColorLookupTableDescriptor, VR.US, descriptor);
        ds.setInt(Tag.BluePaletteColorLookupTableDescriptor, VR.US, descriptor);
        ds.setBytes(segmented ? Tag.SegmentedRedPaletteColorLookupTableData : Tag.RedPaletteColorLookupTableData,
                VR.OW, r);
        ds.setBytes(segmented ? Tag.SegmentedGreenPaletteColorLookupTableData
                : Tag.GreenPaletteColorLookupTableData, VR.OW, g);
        ds.setBytes(segmented ? Tag.SegmentedBluePaletteColorLookupTableData : Tag.BluePaletteColorLookupTableData,
                VR.OW, b);
        return ds;
    }

    private static int[] render(ColourRenderer r, FrameBuffer f, Photometric p) {
        IntBuffer dst = IntBuffer.allocate(f.rows() * f.columns());
        r.toArgb(f, p, dst);
        return dst.array();
    }

    private static FrameBuffer bytes(int rows, int cols, int spp, int... v) throws CodecException {
        FrameBuffer f = new FrameBuffer();
        f.reset(rows, cols, spp, FrameBuffer.Kind.BYTE);
        for (int i = 0; i < v.length; i++) f.bytes()[i] = (byte) v[i];
        return f;
    }

    @Test
    void sixteenBitEntriesAreShiftedToEightBitsAndIndicesClampAroundFirstMappedValue() throws Exception {
        // 4 entries, first mapped value 10, 16 bits: values below 10 take entry 0, above 13 the last entry
        Dataset ds = palette(new int[] {4, 10, 16}, words(0x0000, 0x1234, 0x8000, 0xFFFF),
                words(0xFFFF, 0x8000, 0x0100, 0x0000), words(0x0A00, 0x0B00, 0x0C00, 0x0D00), false);
        int[] argb = render(ColourRenderer.of(ds, PAL8), bytes(1, 6, 1, 0, 10, 11, 12, 13, 200), Photometric.PALETTE_COLOR);
        assertArrayEquals(new int[] {0xFF00FF0A, 0xFF00FF0A, 0xFF12800B, 0xFF80010C, 0xFFFF000D, 0xFFFF000D}, argb);
    }

    @Test
    void sixteenBitDescriptorWithEightBitValuesIsReadAsEightBit() throws Exception {
        Dataset ds = palette(new int[] {2, 0, 16}, words(0x00, 0xFF), words(0x10, 0x20), words(0x80, 0x7F), false);
        int[] argb = render(ColourRenderer.of(ds, PAL8), bytes(1, 6, 1, 0, 1, 1, 0, 0, 1), Photometric.PALETTE_COLOR);
        assertEquals(0xFF001080, argb[0]);
        assertEquals(0xFFFF207F, argb[1]);
    }

    @Test
    void eightBitEntriesPackedTwoPerWord() throws Exception {
        byte[] r = {1, 2, 3, 4};
        Dataset ds = palette(new int[] {4, 0, 8}, r, new byte[] {5, 6, 7, 8}, new byte[] {9, 10, 11, 12}, false);
        int[] argb = render(ColourRenderer.of(ds, PAL8), bytes(1, 6, 1, 0, 1, 2, 3, 3, 3), Photometric.PALETTE_COLOR);
        assertEquals(0xFF010509, argb[0]);
        assertEquals(0xFF04080C, argb[3]);
    }

    @Test
    void segmentedPaletteExpandsDiscreteLinearAndIndirectSegments() throws Exception {
        // C.7.9.2: discrete [0x1000, 0x2000]; linear 4 steps to 0x6000; indirect: re-run the first segment
        // (byte offset 0) once; discrete [0xFF00]. Expected entries: 1000 2000 3000 4000 5000 6000 1000 2000 FF00
        byte[] seg = words(0, 2, 0x1000, 0x2000, 1, 4, 0x6000, 2, 1, 0, 0, 0, 1, 0xFF00);
        Dataset ds = palette(new int[] {9, 0, 16}, seg, seg, seg, true);
        ImageDescriptor d = new ImageDescriptor(1, 9, 1, 8, 8, 7, false, 0, Photometric.PALETTE_COLOR, 1);
        int[] argb = render(ColourRenderer.of(ds, d), bytes(1, 9, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8),
                Photometric.PALETTE_COLOR);
        int[] expected = {0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x10, 0x20, 0xFF};
        for (int i = 0; i < 9; i++) assertEquals(0xFF000000 | expected[i] * 0x010101, argb[i], "entry " + i);
    }

    @Test
    void linearSegmentRoundsIntermediateValues() throws Exception {
        // from 0 to 0x0300 over 4 entries: 0xC0, 0x180, 0x240, 0x300 -> >> 8 = 0, 1, 2, 3
        byte[] seg = words(0, 1, 0, 1, 4, 0x0300);
        Dataset ds = palette(new int[] {5, 0, 16}, seg, seg, seg, true);
        ImageDescriptor d = new ImageDescriptor(1, 5, 1, 8, 8, 7, false, 0, Photometric.PALETTE_COLOR, 1);
        int[] argb = render(ColourRenderer.of(ds, d), bytes(1, 5, 1, 0, 1, 2, 3, 4), Photometric.PALETTE_COLOR);
        assertArrayEquals(new int[] {0xFF000000, 0xFF000000, 0xFF010101, 0xFF020202, 0xFF030303}, argb);
    }

    @Test
    void zeroEntriesMeans65536AndSignedFirstMappedValue() throws Exception {
        int[] w = new int[65536];
        for (int i = 0; i < w.length; i++) w[i] = i;
        byte[] data = words(w);
        Dataset ds = palette(new int[] {0, 0x8000, 16}, data, data, data, false); // first = -32768 when signed
        ImageDescriptor d = new ImageDescriptor(1, 3, 1, 16, 16, 15, true, 0, Photometric.PALETTE_COLOR, 1);
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        f.shorts()[0] = (short) -32768;
        f.shorts()[1] = 0;
        f.shorts()[2] = 32767;
        int[] argb = render(ColourRenderer.of(ds, d), f, Photometric.PALETTE_COLOR);
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF}, argb);
    }

    @Test
    void hostileSegmentedTablesGiveCodecException() {
        int[][] bad = {{1, 3, 100}, {2, 1, 0, 0}, {0, 1, 5, 2, 1, 20, 0}, {0, 50, 1}, {7, 1, 1}, {0, 1, 5, 2, 1, 1, 0}};
        for (int[] w : bad) {
            Dataset ds = palette(new int[] {4, 0, 16}, words(w), words(w), words(w), true);
            assertThrows(CodecException.class, () -> ColourRenderer.of(ds, PAL8), java.util.Arrays.toString(w));
        }
        Dataset selfLoop = palette(new int[] {0, 0, 16}, words(0, 0, 2, 65535, 0, 0), words(0, 1, 1), words(0, 1, 1), true);
        assertThrows(CodecException.class, () -> ColourRenderer.of(selfLoop, PAL8));
        Dataset missing = new Dataset();
        assertThrows(CodecException.class, () -> ColourRenderer.of(missing, PAL8));
    }

    @Test
    void ybrFullAndIctMatchTheFloatingPointEquationsWithinRounding() throws Exception {
        ImageDescriptor d = new ImageDescriptor(16, 16, 3, 8, 8, 7, false, 0, Photometric.YBR_FULL, 1);
        ColourRenderer r = ColourRenderer.of(new Dataset(), d);
        java.util.Random random = new java.util.Random(3);
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        random.nextBytes(f.bytes());
        for (Photometric p : new Photometric[] {Photometric.YBR_FULL, Photometric.YBR_ICT, Photometric.YBR_FULL_422}) {
            int[] argb = render(r, f, p);
            for (int i = 0; i < 256; i++) {
                double y = f.bytes()[3 * i] & 0xFF;
                double cb = (f.bytes()[3 * i + 1] & 0xFF) - 128;
                double cr = (f.bytes()[3 * i + 2] & 0xFF) - 128;
                assertChannel(y + 1.402 * cr, argb[i] >> 16);
                assertChannel(y - 0.344136 * cb - 0.714136 * cr, argb[i] >> 8);
                assertChannel(y + 1.772 * cb, argb[i]);
            }
        }
    }

    @Test
    void ybrPartialUsesStudioRange() throws Exception {
        ImageDescriptor d = new ImageDescriptor(1, 3, 3, 8, 8, 7, false, 0, Photometric.YBR_PARTIAL_420, 1);
        int[] argb = render(ColourRenderer.of(new Dataset(), d), bytes(1, 3, 3, 16, 128, 128, 235, 128, 128,
                81, 90, 240), Photometric.YBR_PARTIAL_420);
        assertEquals(0xFF000000, argb[0]);
        assertEquals(0xFFFFFFFF, argb[1]);
        // BT.601 red (255, 0, 0) is Y 81, Cb 90, Cr 240
        int red = argb[2];
        assertTrue((red >> 16 & 0xFF) >= 254 && (red >> 8 & 0xFF) <= 1 && (red & 0xFF) <= 1, Integer.toHexString(red));
    }

    @Test
    void rctInverseRecoversEveryForwardTransformedColour() throws Exception {
        // T.800 G.2.1 forward: Y = floor((R + 2G + B) / 4), Cb = B - G, Cr = R - G; chroma stored + 128
        ImageDescriptor d = new ImageDescriptor(1, 4096, 3, 8, 8, 7, false, 0, Photometric.YBR_RCT, 1);
        ColourRenderer renderer = ColourRenderer.of(new Dataset(), d);
        java.util.Random random = new java.util.Random(11);
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        int[] rgb = new int[4096];
        int n = 0;
        while (n < 4096) {
            int r = random.nextInt(256), g = random.nextInt(256), b = random.nextInt(256);
            int cb = b - g, cr = r - g;
            if (cb < -128 || cb > 127 || cr < -128 || cr > 127) continue; // must fit the 8-bit stored chroma
            f.bytes()[3 * n] = (byte) Math.floorDiv(r + 2 * g + b, 4);
            f.bytes()[3 * n + 1] = (byte) (cb + 128);
            f.bytes()[3 * n + 2] = (byte) (cr + 128);
            rgb[n++] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        assertArrayEquals(rgb, render(renderer, f, Photometric.YBR_RCT));
    }

    @Test
    void rgbSixteenBitIsScaledFromBitsStored() throws Exception {
        ImageDescriptor d = new ImageDescriptor(1, 1, 3, 16, 12, 11, false, 0, Photometric.RGB, 1);
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        f.shorts()[0] = 0x0FFF;
        f.shorts()[1] = 0x0800;
        f.shorts()[2] = 0x000F;
        assertArrayEquals(new int[] {0xFFFF8000}, render(ColourRenderer.of(new Dataset(), d), f, Photometric.RGB));
    }

    @Test
    void ybr422ExpandsPairsAndAnOddLastPixel() throws Exception {
        ImageDescriptor d = new ImageDescriptor(1, 3, 3, 8, 8, 7, false, 0, Photometric.YBR_FULL_422, 1);
        FrameBuffer f = new FrameBuffer();
        Ybr422.expand(new byte[] {9, 10, 11, 12, 13, 14, 15, 0}, 1, d, f);
        assertArrayEquals(new byte[] {10, 12, 13, 11, 12, 13, 14, 15, 0}, java.util.Arrays.copyOf(f.bytes(), 9));
        assertThrows(CodecException.class, () -> Ybr422.expand(new byte[5], 0, d, f));
        assertThrows(CodecException.class, () -> Ybr422.expand(new byte[8], 9, d, f));
    }

    @Test
    void segmentedSixteenBitPaletteMatchesPydicom(@TempDir Path tmp) throws Exception {
        Path file = SharedData.requireDicomFile("single/pydicom-data/gdcm-US-ALOKA-16.dcm");
        Path python = Peers.requirePydicom();
        Path raw = tmp.resolve("rgb.raw");
        // DCMTK 3.6.7 does not render segmented palettes; pydicom's apply_color_lut does (needs numpy)
        Peers.run(Duration.ofSeconds(120), python.toString(), "-c", String.join("\n",
                "import sys, pydicom",
                "from pydicom.pixel_data_handlers.util import apply_color_lut",
                "ds = pydicom.dcmread(sys.argv[1])",
                "(apply_color_lut(ds.pixel_array, ds) >> 8).astype('uint8').tofile(sys.argv[2])"),
                file.toString(), raw.toString()).requireSuccess();
        byte[] expected = Files.readAllBytes(raw);
        var ds = DicomReader.read(file, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor d = ImageDescriptor.of(ds);
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        byte[] pixels = ds.getBytes(Tag.PixelData);
        for (int i = 0; i < f.sampleCount(); i++) {
            f.shorts()[i] = (short) ((pixels[2 * i] & 0xFF) | (pixels[2 * i + 1] & 0xFF) << 8);
        }
        int[] argb = render(ColourRenderer.of(ds, d), f, Photometric.PALETTE_COLOR);
        assertEquals(expected.length, argb.length * 3);
        int maxDiff = 0;
        for (int i = 0; i < argb.length; i++) {
            for (int c = 0; c < 3; c++) {
                maxDiff = Math.max(maxDiff, Math.abs((argb[i] >> (16 - 8 * c) & 0xFF) - (expected[3 * i + c] & 0xFF)));
            }
        }
        System.out.println("segmented palette vs pydicom: max channel difference " + maxDiff);
        assertTrue(maxDiff <= 1, "max channel difference " + maxDiff);
    }

    private static void assertChannel(double exact, int actual) {
        int expected = (int) Math.max(0, Math.min(255, Math.round(exact)));
        assertTrue(Math.abs(expected - (actual & 0xFF)) <= 1, "expected " + exact + " got " + (actual & 0xFF));
    }
}
