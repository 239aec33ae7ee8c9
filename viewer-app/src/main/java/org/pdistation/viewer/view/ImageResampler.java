package org.pdistation.viewer.view;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Scales a rendered ARGB slice into the viewport's output pixels on the render thread ({@link ScalingMode#OWN}),
 * bilinear like Prism's smoothing: each output pixel's centre is mapped back into the image and the four nearest
 * image pixel centres are blended (edges clamped). The view only ever turns by quarter turns, so an output column
 * maps to one image column (or row, when turned) and an output row to one image row (or column): both are looked up
 * in tables made once per frame, with weights in 8.8 fixed point. Output pixels whose centre lies outside the image
 * are opaque black, the viewport's background. One instance per render thread (scratch kept).
 *
 * <p>Separable: an image line (the row, or column when turned, that an output row reads) is first blended along the
 * output columns once, into a {@link Line} kept unrounded (channel × 256), and each output row then blends its two
 * lines. Zoomed in, consecutive output rows read the same two image lines, so most rows cost one multiply-add per
 * pixel over arrays instead of four reads and three blends. The figures are those of blending the four neighbours
 * at once, rounded once: the same pixels to the bit.
 */
final class ImageResampler {
    private static final int OUTSIDE = -1;
    private static final int BLACK = 0xFF000000;

    /** One image line blended along the output columns: channel values × 256; a grey line keeps only {@code r}. */
    private static final class Line {
        int key = OUTSIDE;
        boolean grey;
        int[] r = new int[0], g = new int[0], b = new int[0];

        void grow(int w) {
            if (r.length < w) {
                r = new int[w];
                g = new int[w];
                b = new int[w];
            }
        }

        /** Spreads a grey line's one channel to three (to be blended with a colour line). */
        void toColour(int w) {
            if (!grey) return;
            System.arraycopy(r, 0, g, 0, w);
            System.arraycopy(r, 0, b, 0, w);
            grey = false;
        }
    }

    private int[] colA0 = new int[0], colA1 = new int[0], colW = new int[0];
    private int[] rowA0 = new int[0], rowA1 = new int[0], rowW = new int[0];
    private int[] out = new int[0];
    private final Line[] lines = {new Line(), new Line()};

    /**
     * Writes {@code area} (width × height pixels, row after row) into {@code dst} from {@code src} (the image's
     * columns × rows ARGB pixels, row after row, from index 0).
     */
    void resample(int[] src, ScaledArea area, IntBuffer dst) {
        ViewGeometry g = area.geometry();
        int w = area.width(), h = area.height();
        if (w <= 0 || h <= 0) return;
        grow(w, h);
        double unit = 1 / area.pixelsPerUnit();
        // Image point of the first output pixel's centre, and its step per output column and per output row.
        double[] p0 = g.toImage((area.x() + 0.5) * unit, (area.y() + 0.5) * unit);
        double[] pu = g.toImage((area.x() + 1.5) * unit, (area.y() + 0.5) * unit);
        double[] pv = g.toImage((area.x() + 0.5) * unit, (area.y() + 1.5) * unit);
        boolean turned = g.orientation().swapsAxes();
        int cols = g.columns(), rows = g.rows();
        // Not turned: output columns walk image columns (x), output rows image rows (y); turned, the other way.
        if (!turned) {
            table(p0[0], pu[0] - p0[0], w, cols, 1, colA0, colA1, colW);
            table(p0[1], pv[1] - p0[1], h, rows, cols, rowA0, rowA1, rowW);
        } else {
            table(p0[1], pu[1] - p0[1], w, rows, cols, colA0, colA1, colW);
            table(p0[0], pv[0] - p0[0], h, cols, 1, rowA0, rowA1, rowW);
        }
        for (Line l : lines) l.key = OUTSIDE; // a new slice: nothing blended yet
        for (int j = 0; j < h; j++) {
            int k0 = rowA0[j];
            if (k0 == OUTSIDE) {
                Arrays.fill(out, 0, w, BLACK);
            } else {
                int k1 = rowA1[j], rw = rowW[j];
                Line top = line(src, k0, k1, w);
                if (rw == 0 || k1 == k0) {
                    single(top, w);
                } else {
                    both(top, line(src, k1, k0, w), rw, w);
                }
            }
            dst.put(j * w, out, 0, w);
        }
    }

    /** The line at offset {@code key}, blended now unless it is kept; never evicts the line at {@code keep}. */
    private Line line(int[] src, int key, int keep, int w) {
        for (Line l : lines) if (l.key == key) return l;
        Line l = lines[0].key == keep ? lines[1] : lines[0];
        l.grow(w);
        l.key = key;
        l.grey = greyLine(src, key, l.r, w) || colourLine(src, key, l, w);
        return l;
    }

    /** Blends a line of grey pixels (R = G = B) along the output columns into {@code r}; false at the first colour. */
    private boolean greyLine(int[] src, int at, int[] r, int w) {
        for (int i = 0; i < w; i++) {
            int c0 = colA0[i];
            if (c0 == OUTSIDE) {
                r[i] = 0; // blends to black, the background
                continue;
            }
            int a = src[at + c0], b = src[at + colA1[i]];
            if (!grey(a) || !grey(b)) return false;
            int cw = colW[i];
            r[i] = (a & 0xFF) * (256 - cw) + (b & 0xFF) * cw;
        }
        return true;
    }

    /** Blends a line along the output columns, three channels; returns false (not grey). */
    private boolean colourLine(int[] src, int at, Line l, int w) {
        int[] r = l.r, g = l.g, b = l.b;
        for (int i = 0; i < w; i++) {
            int c0 = colA0[i];
            if (c0 == OUTSIDE) {
                r[i] = g[i] = b[i] = 0;
                continue;
            }
            int p = src[at + c0], q = src[at + colA1[i]];
            int cw = colW[i], cw0 = 256 - cw;
            r[i] = (p >> 16 & 0xFF) * cw0 + (q >> 16 & 0xFF) * cw;
            g[i] = (p >> 8 & 0xFF) * cw0 + (q >> 8 & 0xFF) * cw;
            b[i] = (p & 0xFF) * cw0 + (q & 0xFF) * cw;
        }
        return false;
    }

    /** Into {@code out}: an output row on one image line (no vertical blend): the line rounded once. */
    private void single(Line t, int w) {
        int[] r = t.r;
        if (t.grey) {
            for (int i = 0; i < w; i++) out[i] = BLACK | ((r[i] + 128) >>> 8) * 0x010101;
            return;
        }
        int[] g = t.g, b = t.b;
        for (int i = 0; i < w; i++) {
            out[i] = BLACK | (r[i] + 128) >>> 8 << 16 | (g[i] + 128) >>> 8 << 8 | (b[i] + 128) >>> 8;
        }
    }

    /** Into {@code out}: an output row between two image lines, {@code rw}/256 of the way to the second. */
    private void both(Line t, Line u, int rw, int w) {
        int rw0 = 256 - rw;
        if (t.grey && u.grey) {
            int[] a = t.r, c = u.r;
            for (int i = 0; i < w; i++) out[i] = BLACK | ((a[i] * rw0 + c[i] * rw + 32768) >>> 16) * 0x010101;
            return;
        }
        t.toColour(w);
        u.toColour(w);
        int[] ar = t.r, ag = t.g, ab = t.b, cr = u.r, cg = u.g, cb = u.b;
        for (int i = 0; i < w; i++) {
            out[i] = BLACK | (ar[i] * rw0 + cr[i] * rw + 32768) >>> 16 << 16
                    | (ag[i] * rw0 + cg[i] * rw + 32768) >>> 16 << 8
                    | (ab[i] * rw0 + cb[i] * rw + 32768) >>> 16;
        }
    }

    /** Whether an ARGB pixel's red, green and blue are equal. */
    private static boolean grey(int p) { return (p >> 8 & 0xFFFF) == (p & 0xFFFF); }

    /**
     * For {@code n} output steps starting at image coordinate {@code start} and advancing by {@code step}: the two
     * neighbouring pixel centres' offsets (index × {@code stride}) and the weight of the second, or OUTSIDE when the
     * output pixel's centre is not on the image (an axis of {@code size} pixels).
     */
    private static void table(double start, double step, int n, int size, int stride, int[] a0, int[] a1, int[] wt) {
        for (int k = 0; k < n; k++) {
            double c = start + k * step;
            if (!(c >= 0 && c < size)) {
                a0[k] = OUTSIDE;
                continue;
            }
            double s = c - 0.5; // pixel centres are at i + 0.5
            int i0 = (int) Math.floor(s);
            int weight = (int) Math.round((s - i0) * 256);
            if (weight == 256) {
                i0++;
                weight = 0;
            }
            int lo = Math.max(0, Math.min(size - 1, i0));
            int hi = Math.max(0, Math.min(size - 1, i0 + 1));
            a0[k] = lo * stride;
            a1[k] = hi * stride;
            wt[k] = weight;
        }
    }

    private void grow(int w, int h) {
        if (colA0.length < w) {
            colA0 = new int[w];
            colA1 = new int[w];
            colW = new int[w];
        }
        if (rowA0.length < h) {
            rowA0 = new int[h];
            rowA1 = new int[h];
            rowW = new int[h];
        }
        if (out.length < w) out = new int[w];
    }
}
