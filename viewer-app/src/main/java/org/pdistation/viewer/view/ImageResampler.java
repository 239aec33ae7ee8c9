package org.pdistation.viewer.view;

import java.nio.IntBuffer;

/**
 * Scales a rendered ARGB slice into the viewport's output pixels on the render thread ({@link ScalingMode#OWN}),
 * bilinear like Prism's smoothing: each output pixel's centre is mapped back into the image and the four nearest
 * image pixel centres are blended (edges clamped). The view only ever turns by quarter turns, so an output column
 * maps to one image column (or row, when turned) and an output row to one image row: both are looked up in tables
 * made once per frame, and a pixel costs four reads and three blends in 8.8 fixed point. Output pixels whose centre
 * lies outside the image are opaque black, the viewport's background. One instance per render thread (scratch kept).
 */
final class ImageResampler {
    private static final int OUTSIDE = -1;
    private static final int BLACK = 0xFF000000;

    private int[] colA0 = new int[0], colA1 = new int[0], colW = new int[0];
    private int[] rowA0 = new int[0], rowA1 = new int[0], rowW = new int[0];
    private int[] line = new int[0];

    /**
     * Writes {@code area} (width × height pixels, row after row) into {@code dst} from {@code src} (the image's
     * columns × rows ARGB pixels, row after row).
     */
    void resample(IntBuffer src, ScaledArea area, IntBuffer dst) {
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
        for (int j = 0; j < h; j++) {
            int r0 = rowA0[j];
            if (r0 == OUTSIDE) {
                java.util.Arrays.fill(line, 0, w, BLACK);
            } else {
                blendRow(src, r0, rowA1[j], rowW[j], w);
            }
            dst.put(j * w, line, 0, w);
        }
    }

    private void blendRow(IntBuffer src, int r0, int r1, int rw, int w) {
        int rw0 = 256 - rw;
        for (int i = 0; i < w; i++) {
            int c0 = colA0[i];
            if (c0 == OUTSIDE) {
                line[i] = BLACK;
                continue;
            }
            int c1 = colA1[i], cw = colW[i];
            int a = src.get(r0 + c0), b = src.get(r0 + c1), c = src.get(r1 + c0), d = src.get(r1 + c1);
            if (a == b && a == c && a == d) {
                line[i] = a; // flat area (and the black around a body): no blend needed
                continue;
            }
            int cw0 = 256 - cw;
            if (grey(a) && grey(b) && grey(c) && grey(d)) { // greyscale slices: blend one channel, copy it to three
                int v = blend(a & 0xFF, b & 0xFF, c & 0xFF, d & 0xFF, cw0, cw, rw0, rw);
                line[i] = BLACK | v * 0x010101;
                continue;
            }
            line[i] = BLACK
                    | blend(a >> 16 & 0xFF, b >> 16 & 0xFF, c >> 16 & 0xFF, d >> 16 & 0xFF, cw0, cw, rw0, rw) << 16
                    | blend(a >> 8 & 0xFF, b >> 8 & 0xFF, c >> 8 & 0xFF, d >> 8 & 0xFF, cw0, cw, rw0, rw) << 8
                    | blend(a & 0xFF, b & 0xFF, c & 0xFF, d & 0xFF, cw0, cw, rw0, rw);
        }
    }

    /** Whether an ARGB pixel's red, green and blue are equal. */
    private static boolean grey(int p) { return (p >> 8 & 0xFFFF) == (p & 0xFFFF); }

    /** One channel: along the column axis, then the row axis, rounded once (weights in 1/256). */
    private static int blend(int a, int b, int c, int d, int cw0, int cw, int rw0, int rw) {
        int top = a * cw0 + b * cw;
        int bottom = c * cw0 + d * cw;
        return (top * rw0 + bottom * rw + 32768) >>> 16;
    }

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
            line = new int[w];
        }
        if (rowA0.length < h) {
            rowA0 = new int[h];
            rowA1 = new int[h];
            rowW = new int[h];
        }
    }
}
