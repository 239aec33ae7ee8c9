package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/**
 * The fast windowing loops give the same bytes (and, for ARGB output, ints) as the loops they replace: for every stored value of the domain
 * (each frame holds the whole domain, then random values), for LINEAR, LINEAR_EXACT and SIGMOID, signed and
 * unsigned data, rescaled or not, MONOCHROME1 and MONOCHROME2, the rendered frame equals (1) the per-pixel table
 * look-up over the combined table, the loop every path is defined by, (2) the previous output-side-clamp affine
 * loop where the steps are affine, (3) every form of the input-side-clamp loop (fused where the processor has FMA, folded, exact) and its ARGB twin, and (4) the double-precision reference {@link GreyscaleRenderer#grey} within
 * one grey level (the table is built in float for affine steps).
 */
class WindowLoopEqualityTest {
    private record Layout(int bitsAllocated, int bitsStored, boolean signed) {}

    private static final List<Layout> LAYOUTS = List.of(new Layout(16, 12, true), new Layout(16, 12, false),
            new Layout(16, 16, true), new Layout(16, 15, false), new Layout(16, 10, true), new Layout(8, 8, false));

    private static final List<double[]> RESCALES = List.of(new double[] {1, 0}, new double[] {1, -1024},
            new double[] {0.5, 3}, new double[] {2.5, -100.25});

    private static final List<double[]> WINDOWS = List.of(new double[] {40, 400}, new double[] {-600, 1500},
            new double[] {300, 2}, new double[] {0, 1}, new double[] {1000.5, 3000}, new double[] {12, 7},
            new double[] {2048, 4096}, new double[] {-30000, 65536}, new double[] {127.5, 255});

    @Test
    void everyFunctionLayoutAndPhotometricGivesTheTableLoopsBytes() throws CodecException {
        int cases = 0;
        int clampedCases = 0;
        for (Layout l : LAYOUTS) {
            for (Photometric p : new Photometric[] {Photometric.MONOCHROME2, Photometric.MONOCHROME1}) {
                for (double[] r : RESCALES) {
                    GreyscaleRenderer renderer = renderer(l, p, r);
                    FrameBuffer frame = frameOfWholeDomain(renderer.descriptor());
                    for (double[] w : WINDOWS) {
                        for (Voi.Function fn : Voi.Function.values()) {
                            Voi voi = new Voi.Window(w[0], w[1], fn, null);
                            String what = l + " " + p + " rescale " + r[0] + "/" + r[1] + " window " + w[0] + "/"
                                    + w[1] + " " + fn;
                            if (check(renderer, frame, voi, what)) clampedCases++;
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(LAYOUTS.size() * 2 * RESCALES.size() * WINDOWS.size() * 3, cases);
        // The input-side clamp is found for the common windows, not only for a few degenerate ones.
        assertTrue(clampedCases > cases / 4, clampedCases + " of " + cases + " used the clamped loop");
    }

    /** Whether the clamped loop was used for this case. */
    private static boolean check(GreyscaleRenderer renderer, FrameBuffer frame, Voi voi, String what) {
        ImageDescriptor d = renderer.descriptor();
        int n = (int) d.pixels();
        ModalityLut m = renderer.modality(0);
        byte[] table = renderer.table(m, voi);
        int mask = table.length - 1;
        int offset = d.signed() ? table.length >> 1 : 0;
        ByteBuffer out = ByteBuffer.allocate(n);
        renderer.render(frame, 0, voi, out);
        ByteBuffer direct = ByteBuffer.allocateDirect(n);
        renderer.render(frame, 0, voi, direct);
        IntBuffer argbDirect = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        renderer.renderArgb(frame, 0, voi, argbDirect);
        IntBuffer argbHeap = IntBuffer.allocate(n);
        renderer.renderArgb(frame, 0, voi, argbHeap);
        AffineGrey affine = AffineGrey.of(m, voi, renderer.presentation());
        byte[] oldAffine = null;
        if (affine != null && frame.kind() == FrameBuffer.Kind.SHORT) {
            oldAffine = new byte[n];
            affine.render(frame.shorts(), n, oldAffine, 0);
        }
        // Every form of the clamped loop, whichever the renderer picked: each must match wherever it is found.
        List<byte[]> forms = new ArrayList<>();
        List<ClampedAffineGrey.Form> formNames = new ArrayList<>();
        boolean clampable = affine != null && frame.kind() == FrameBuffer.Kind.SHORT && (d.signed() || d.bitsStored() <= 15);
        for (ClampedAffineGrey.Form f : ClampedAffineGrey.Form.values()) {
            if (!clampable || f == ClampedAffineGrey.Form.FUSED && !ClampedAffineGrey.HARDWARE_FMA) continue;
            ClampedAffineGrey form = ClampedAffineGrey.of(affine, table, offset, f);
            if (form == null) continue;
            byte[] b = new byte[n];
            form.render(frame.shorts(), n, b, 0);
            forms.add(b);
            formNames.add(f);
            int[] argbForm = new int[n];
            form.renderArgb(frame.shorts(), n, argbForm, 0);
            for (int i = 0; i < n; i++) {
                if (argbForm[i] != (0xFF000000 | (b[i] & 0xFF) * 0x010101)) {
                    throw new AssertionError(what + ": " + f + " ARGB form " + Integer.toHexString(argbForm[i])
                            + " for grey " + (b[i] & 0xFF));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int s = frame.sample(i);
            for (int f = 0; f < forms.size(); f++) {
                if (forms.get(f)[i] != table[(s + offset) & mask]) {
                    throw new AssertionError(what + ": " + formNames.get(f) + " clamped form renders "
                            + (forms.get(f)[i] & 0xFF) + " for " + s);
                }
            }
            byte expected = table[(s + offset) & mask];
            if (out.get(i) != expected || direct.get(i) != expected || oldAffine != null && oldAffine[i] != expected) {
                throw new AssertionError(what + ": stored value " + s + " renders " + (out.get(i) & 0xFF) + " / "
                        + (direct.get(i) & 0xFF) + (oldAffine != null ? " (old affine loop " + (oldAffine[i] & 0xFF)
                        + ")" : "") + ", table says " + (expected & 0xFF));
            }
            int argb = 0xFF000000 | (expected & 0xFF) * 0x010101;
            if (argbDirect.get(i) != argb || argbHeap.get(i) != argb) {
                throw new AssertionError(what + ": stored value " + s + " renders ARGB "
                        + Integer.toHexString(argbDirect.get(i)) + " / " + Integer.toHexString(argbHeap.get(i))
                        + ", table says " + Integer.toHexString(argb));
            }
            int reference = GreyscaleRenderer.grey(s, m, voi, renderer.presentation());
            if (Math.abs((expected & 0xFF) - reference) > 1) {
                throw new AssertionError(what + ": stored value " + s + " table " + (expected & 0xFF)
                        + ", double reference " + reference);
            }
        }
        return affine != null && frame.kind() == FrameBuffer.Kind.SHORT
                && (d.signed() || d.bitsStored() <= 15) && ClampedAffineGrey.of(affine, table, offset) != null;
    }

    @Test
    void renderingFrameAfterFrameWithTheSameWindowAllocatesNothing() throws CodecException {
        GreyscaleRenderer renderer = renderer(new Layout(16, 12, true), Photometric.MONOCHROME2, new double[] {1, -1024});
        FrameBuffer frame = frameOfWholeDomain(renderer.descriptor());
        int n = (int) renderer.descriptor().pixels();
        ByteBuffer grey = ByteBuffer.allocateDirect(n);
        IntBuffer argb = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (Voi.Function fn : Voi.Function.values()) {
            Voi voi = new Voi.Window(40, 400, fn, null);
            for (int i = 0; i < 3; i++) { // first calls build the table and grow the staging buffers
                renderer.render(frame, 0, voi, grey);
                renderer.renderArgb(frame, 0, voi, argb);
            }
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                renderer.render(frame, 0, voi, grey);
                renderer.renderArgb(frame, 0, voi, argb);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 4096, fn + ": 100 renders allocated " + allocated + " bytes");
        }
    }

    @Test
    void theClampedLoopIsFoundForATypicalCtWindow() {
        AffineGrey affine = AffineGrey.of(new ModalityLut.Rescale(1, -1024, null), new Voi.Window(40, 400),
                PresentationLut.Shape.IDENTITY);
        assertNotNull(affine);
        byte[] table = new byte[4096];
        for (int i = 0; i < table.length; i++) table[i] = (byte) affine.grey(i);
        ClampedAffineGrey g = ClampedAffineGrey.of(affine, table, 0);
        assertNotNull(g);
        // Where the processor has FMA the one-operation-shorter fused form is the one kept for this window.
        assertEquals(ClampedAffineGrey.HARDWARE_FMA, g.fused());
    }

    private static GreyscaleRenderer renderer(Layout l, Photometric p, double[] rescale) throws CodecException {
        int domain = 1 << l.bitsStored();
        int cols = 256;
        int rows = (domain + 4096 + cols - 1) / cols;
        Dataset ds = new Dataset();
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, p.term());
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, cols);
        ds.setInt(Tag.BitsAllocated, VR.US, l.bitsAllocated());
        ds.setInt(Tag.BitsStored, VR.US, l.bitsStored());
        ds.setInt(Tag.HighBit, VR.US, l.bitsStored() - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, l.signed() ? 1 : 0);
        ds.setString(Tag.RescaleSlope, VR.DS, Double.toString(rescale[0]));
        ds.setString(Tag.RescaleIntercept, VR.DS, Double.toString(rescale[1]));
        return GreyscaleRenderer.of(ds, ImageDescriptor.of(ds), new LutCache(64));
    }

    /** Every stored value of the domain in order, then random ones, as raw bit patterns normalised. */
    private static FrameBuffer frameOfWholeDomain(ImageDescriptor d) throws CodecException {
        FrameBuffer f = new FrameBuffer();
        f.reset(d);
        int domain = 1 << d.bitsStored();
        int min = d.signed() ? -(domain >> 1) : 0;
        SplittableRandom random = new SplittableRandom(3);
        int n = (int) d.pixels();
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) values.add(i < domain ? min + i : min + random.nextInt(domain));
        for (int i = 0; i < n; i++) {
            int v = values.get(i);
            if (f.kind() == FrameBuffer.Kind.SHORT) f.shorts()[i] = (short) v;
            else f.bytes()[i] = (byte) v;
        }
        f.normalize(d);
        return f;
    }
}
