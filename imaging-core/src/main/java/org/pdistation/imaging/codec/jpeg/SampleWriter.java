package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;

/**
 * Moves decoded component planes into the pixel-interleaved frame buffer: upsamples subsampled chroma to full
 * size (triangle filter for the common 2:1 horizontal and 2:1 both-way cases, replication otherwise), converts
 * YCbCr to RGB when asked (T.871 section 7) and undoes the lossless point transform (H.1.2.3).
 */
final class SampleWriter {
    private int[][] full = new int[4][0];
    private int[] colSum = new int[0];

    void write(JpegDecoder.Frame f, Component[] comps, int n, int pt, boolean ybr, ImageDescriptor desc,
               FrameBuffer dst) throws CodecException {
        dst.reset(desc);
        int w = f.width;
        int h = f.height;
        int[][] src = new int[n][];
        int[] stride = new int[n];
        for (int i = 0; i < n; i++) {
            Component c = comps[i];
            if (c.h == f.hmax && c.v == f.vmax) {
                src[i] = c.plane;
                stride[i] = c.planeWidth;
            } else {
                if (full[i].length < w * h) full[i] = new int[w * h];
                upsample(c, f, full[i], w, h);
                src[i] = full[i];
                stride[i] = w;
            }
        }
        int max = (1 << f.precision) - 1;
        FrameBuffer.Kind kind = dst.kind();
        if (ybr) {
            int center = (max + 1) >> 1;
            int[] y0 = src[0], cb0 = src[1], cr0 = src[2];
            for (int y = 0; y < h; y++) {
                int o = y * w * 3;
                for (int x = 0; x < w; x++) {
                    double yy = y0[y * stride[0] + x];
                    int cb = cb0[y * stride[1] + x] - center;
                    int cr = cr0[y * stride[2] + x] - center;
                    // T.871 (7): R = Y + 1.402 Cr, G = Y − 0.344136 Cb − 0.714136 Cr, B = Y + 1.772 Cb
                    int r = clamp((int) Math.floor(yy + 1.402 * cr + 0.5), max);
                    int g = clamp((int) Math.floor(yy - 0.344136 * cb - 0.714136 * cr + 0.5), max);
                    int b = clamp((int) Math.floor(yy + 1.772 * cb + 0.5), max);
                    put(dst, kind, o++, r);
                    put(dst, kind, o++, g);
                    put(dst, kind, o++, b);
                }
            }
            return;
        }
        if (n == 1 && kind == FrameBuffer.Kind.SHORT) {
            short[] out = dst.shorts();
            int[] s = src[0];
            for (int y = 0; y < h; y++) {
                int si = y * stride[0];
                int o = y * w;
                for (int x = 0; x < w; x++) out[o + x] = (short) (s[si + x] << pt);
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            int o = y * w * n;
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < n; i++) put(dst, kind, o++, src[i][y * stride[i] + x] << pt);
            }
        }
    }

    private static void put(FrameBuffer dst, FrameBuffer.Kind kind, int i, int v) {
        switch (kind) {
            case BYTE -> dst.bytes()[i] = (byte) v;
            case SHORT -> dst.shorts()[i] = (short) v;
            case INT -> dst.ints()[i] = v;
        }
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private void upsample(Component c, JpegDecoder.Frame f, int[] out, int w, int h) {
        int fx = f.hmax / c.h;
        int fy = f.vmax / c.v;
        int[] in = c.plane;
        int pw = c.planeWidth;
        int cw = c.width;
        int ch = c.height;
        // Lossless samples are replicated, never filtered: interpolation would invent values.
        boolean exact = !f.lossless && f.hmax % c.h == 0 && f.vmax % c.v == 0;
        if (exact && fx == 2 && fy == 1) {
            // Triangle filter: each output sample weighs its source 3/4 and the nearer neighbour 1/4.
            for (int y = 0; y < h; y++) {
                int r = Math.min(y, ch - 1) * pw;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int i = x >> 1;
                    int near = in[r + i];
                    if ((x & 1) == 0) {
                        out[o + x] = (3 * near + in[r + Math.max(i - 1, 0)] + 1) >> 2;
                    } else {
                        out[o + x] = (3 * near + in[r + Math.min(i + 1, cw - 1)] + 2) >> 2;
                    }
                }
            }
            return;
        }
        if (exact && fx == 2 && fy == 2) {
            if (colSum.length < cw) colSum = new int[cw];
            int[] cs = colSum;
            for (int y = 0; y < h; y++) {
                int j = Math.min(y >> 1, ch - 1);
                int far = (y & 1) == 0 ? Math.max(j - 1, 0) : Math.min(j + 1, ch - 1);
                int rn = j * pw;
                int rf = far * pw;
                for (int i = 0; i < cw; i++) cs[i] = 3 * in[rn + i] + in[rf + i];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int i = x >> 1;
                    if ((x & 1) == 0) {
                        out[o + x] = (3 * cs[i] + cs[Math.max(i - 1, 0)] + 8) >> 4;
                    } else {
                        out[o + x] = (3 * cs[i] + cs[Math.min(i + 1, cw - 1)] + 7) >> 4;
                    }
                }
            }
            return;
        }
        // General case (A.1.1): sample x of the component covers output columns x·Hmax/Hi onwards.
        for (int y = 0; y < h; y++) {
            int r = Math.min(y * c.v / f.vmax, c.planeHeight - 1) * pw;
            int o = y * w;
            for (int x = 0; x < w; x++) out[o + x] = in[r + Math.min(x * c.h / f.hmax, pw - 1)];
        }
    }
}
