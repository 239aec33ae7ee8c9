package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

class GreyscaleRendererTest {
    private static Dataset image(String photometric, int bitsAllocated, int bitsStored, boolean signed, int rows,
                                 int cols) {
        Dataset ds = new Dataset();
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, cols);
        ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        ds.setInt(Tag.BitsStored, VR.US, bitsStored);
        ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
        return ds;
    }

    private static FrameBuffer frame(ImageDescriptor d, int... values) throws CodecException {
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        for (int i = 0; i < values.length; i++) {
            switch (f.kind()) {
                case BYTE -> f.bytes()[i] = (byte) values[i];
                case SHORT -> f.shorts()[i] = (short) values[i];
                case INT -> f.ints()[i] = values[i];
            }
        }
        f.normalize(d);
        return f;
    }

    private static byte[] render(GreyscaleRenderer r, FrameBuffer f, Voi voi) {
        int n = (int) r.descriptor().pixels();
        ByteBuffer out = ByteBuffer.allocate(n);
        r.render(f, 0, voi, out);
        byte[] b = new byte[n];
        out.get(0, b);
        return b;
    }

    private static int[] unsigned(byte[] b) {
        int[] u = new int[b.length];
        for (int i = 0; i < b.length; i++) u[i] = b[i] & 0xFF;
        return u;
    }

    @Test
    void monochrome1IsInverted() throws CodecException {
        Dataset ds = image("MONOCHROME1", 8, 8, false, 1, 3);
        ds.setString(Tag.WindowCenter, VR.DS, "128");
        ds.setString(Tag.WindowWidth, VR.DS, "256");
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        FrameBuffer f = frame(d, 0, 255, 128);
        // LINEAR c 128 w 256: 0 → 0, 255 → (255 − 127.5)/255 + 0.5 = 1, 128 → 0.50196 → 128; then inverted
        assertArrayEquals(new int[] {255, 0, 127}, unsigned(render(r, f, r.defaultVoi(0, f))));
    }

    @Test
    void inversePresentationShapeInvertsMonochrome2() throws CodecException {
        Dataset ds = image("MONOCHROME2", 8, 8, false, 1, 2);
        ds.setString(Tag.PresentationLUTShape, VR.CS, "INVERSE");
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        assertEquals(PresentationLut.Shape.INVERSE, r.presentation());
        FrameBuffer f = frame(d, 0, 255);
        assertArrayEquals(new int[] {255, 0}, unsigned(render(r, f, r.defaultVoi(0, f))));
    }

    @Test
    void signedDataWithRescaleUsesTheCombinedTableForEveryValue() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 12, true, 2, 4);
        ds.setString(Tag.RescaleSlope, VR.DS, "2");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-100");
        ds.setString(Tag.WindowCenter, VR.DS, "0");
        ds.setString(Tag.WindowWidth, VR.DS, "1000");
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        int[] stored = {-2048, -300, -1, 0, 1, 50, 300, 2047};
        FrameBuffer f = frame(d, stored);
        Voi voi = r.defaultVoi(0, f);
        byte[] out = render(r, f, voi);
        for (int i = 0; i < stored.length; i++) {
            double x = 2.0 * stored[i] - 100;
            double y = x <= -0.5 - 499.5 ? 0 : x > -0.5 + 499.5 ? 1 : (x + 0.5) / 999 + 0.5;
            assertEquals((int) Math.round(y * 255), out[i] & 0xFF, "stored " + stored[i]);
        }
    }

    @Test
    void renderWritesFromThePositionAndLeavesItThere() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 16, false, 1, 2);
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        FrameBuffer f = frame(d, 0, 65535);
        ByteBuffer direct = ByteBuffer.allocateDirect(5).position(2);
        r.render(f, 0, new Voi.Window(32768, 65536, Voi.Function.LINEAR_EXACT, null), direct);
        assertEquals(2, direct.position());
        assertEquals(0, direct.get(2) & 0xFF);
        assertEquals(255, direct.get(3) & 0xFF);
        assertEquals(0, direct.get(4));

        IntBuffer argb = IntBuffer.allocate(4).position(1);
        r.renderArgb(f, 0, new Voi.Window(32768, 65536, Voi.Function.LINEAR_EXACT, null), argb);
        assertEquals(1, argb.position());
        assertEquals(0xFF000000, argb.get(1));
        assertEquals(0xFFFFFFFF, argb.get(2));
        assertThrows(IllegalArgumentException.class, () -> r.render(f, 0, new Voi.Window(0, 10), ByteBuffer.allocate(1)));
    }

    @Test
    void tablesAreBuiltOncePerParameterSetAndEvictedLeastRecentlyUsed() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 12, false, 1, 1);
        ImageDescriptor d = ImageDescriptor.of(ds);
        LutCache cache = new LutCache(2);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, cache);
        FrameBuffer f = frame(d, 5);
        ByteBuffer out = ByteBuffer.allocate(1);
        r.render(f, 0, new Voi.Window(10, 20), out);
        r.render(f, 0, new Voi.Window(10, 20), out);
        assertEquals(1, cache.builds());
        r.render(f, 0, new Voi.Window(11, 20), out);
        r.render(f, 0, new Voi.Window(12, 20), out);
        assertEquals(2, cache.size());
        r.render(f, 0, new Voi.Window(10, 20), out); // evicted: built again
        assertEquals(4, cache.builds());
    }

    @Test
    void withoutAWindowTheDefaultIsTheFramesMinMax() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 16, true, 1, 3);
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1000");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        FrameBuffer f = frame(d, -24, 1000, 2000);
        Voi voi = r.defaultVoi(0, f);
        Voi.Window w = (Voi.Window) voi;
        assertEquals(-1024, w.center() - w.width() / 2, 1e-9);
        assertEquals(1000, w.center() + w.width() / 2, 1e-9);
        assertArrayEquals(new int[] {0, 129, 255}, unsigned(render(r, f, voi))); // 1000 − 1000 = 0 → 1024/2024·255 = 129.01
    }

    @Test
    void windowPresetsKeepTheirExplanationsAndVoiLutsFollow() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 12, false, 1, 1);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "600");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "2000");
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "SOFT", "BONE");
        ds.setString(Tag.VOILUTFunction, VR.CS, "SIGMOID");
        Dataset lut = ds.newSequence(Tag.VOILUTSequence, 1).addItem();
        lut.setInt(Tag.LUTDescriptor, VR.US, 2, 0, 8);
        lut.setInt(Tag.LUTData, VR.US, 0, 255);
        lut.setString(Tag.LUTExplanation, VR.LO, "CURVE");
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, ImageDescriptor.of(ds), new LutCache());
        List<Voi> p = r.presets(0);
        assertEquals(3, p.size());
        assertEquals(new Voi.Window(600, 2000, Voi.Function.SIGMOID, "BONE"), p.get(1));
        assertEquals("BONE (C 600 W 2000 SIGMOID)", p.get(1).label());
        assertEquals(p.get(1), r.preset(0, "bone"));
        assertEquals(p.get(2), r.preset(0, "3"));
        assertTrue(p.get(2) instanceof Voi.Table);
    }

    @Test
    void modalityLutSequenceReplacesTheRescale() throws CodecException {
        Dataset ds = image("MONOCHROME2", 16, 16, true, 1, 3);
        ds.setString(Tag.RescaleSlope, VR.DS, "100");
        Dataset m = ds.newSequence(Tag.ModalityLUTSequence, 1).addItem();
        m.setInt(Tag.LUTDescriptor, VR.SS, 3, -1, 16);
        m.setInt(Tag.LUTData, VR.US, 0, 500, 1000);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, ImageDescriptor.of(ds), new LutCache());
        assertEquals(500, r.modality(0).apply(0), 1e-9);
        FrameBuffer f = frame(r.descriptor(), -1, 0, 1);
        assertArrayEquals(new int[] {0, 128, 255}, unsigned(render(r, f, r.defaultVoi(0, f))));
    }

    @Test
    void colourImagesAreLeftToTheColourRenderer() {
        Dataset ds = image("RGB", 8, 8, false, 1, 1);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
        CodecException e = assertThrows(CodecException.class,
                () -> GreyscaleRenderer.of(ds, ImageDescriptor.of(ds), new LutCache()));
        assertTrue(e.getMessage().startsWith("not a grey-scale image"), e.getMessage());
    }

    @Test
    void thirtyTwoBitDataIsComputedPerPixel() throws CodecException {
        Dataset ds = image("MONOCHROME2", 32, 32, true, 1, 3);
        ImageDescriptor d = ImageDescriptor.of(ds);
        GreyscaleRenderer r = GreyscaleRenderer.of(ds, d, new LutCache());
        FrameBuffer f = frame(d, -100000, 0, 100000);
        assertArrayEquals(new int[] {0, 128, 255}, unsigned(render(r, f, r.defaultVoi(0, f))));
    }
}
