package org.pdistation.imaging.codec.jpeg;

/**
 * Inverse DCT of one 8×8 block (T.81 A.3.3) in double precision, separable: rows then columns, with the output
 * level shift (A.3.1) and clamping to [0, 2^P − 1]. Double precision keeps 12-bit data within ±1 of the exact
 * transform, which is what the extended process needs; blocks with only a DC coefficient take a shortcut.
 */
final class Idct {
    /** C[x][u] = Cu/2 · cos((2x+1)uπ/16), Cu = 1/√2 for u = 0. */
    private static final double[] COS = new double[64];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
                COS[x * 8 + u] = cu / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
    }

    private final double[] tmp = new double[64];

    /**
     * @param coef    dequantized coefficients in natural (row-major) order, cleared on return
     * @param out     destination plane
     * @param offset  index of the block's top-left sample in {@code out}
     * @param stride  plane width
     * @param maxVal  2^P − 1
     */
    void transform(int[] coef, int[] out, int offset, int stride, int maxVal) {
        int shift = (maxVal + 1) >> 1;
        boolean dcOnly = true;
        for (int i = 1; i < 64; i++) {
            if (coef[i] != 0) { dcOnly = false; break; }
        }
        if (dcOnly) {
            int v = clamp((int) Math.round(coef[0] / 8.0) + shift, maxVal);
            for (int y = 0; y < 8; y++) {
                int o = offset + y * stride;
                for (int x = 0; x < 8; x++) out[o + x] = v;
            }
            coef[0] = 0;
            return;
        }
        double[] t = tmp;
        // Rows: t[v][x] = Σu C[x][u]·S[v][u]
        for (int v = 0; v < 8; v++) {
            int r = v * 8;
            if ((coef[r + 1] | coef[r + 2] | coef[r + 3] | coef[r + 4] | coef[r + 5] | coef[r + 6] | coef[r + 7]) == 0) {
                // Only the row's DC term: every output of the row is C[x][0]·S[v][0] = S[v][0]/(2√2).
                double dc = coef[r] * COS[0];
                for (int x = 0; x < 8; x++) t[r + x] = dc;
                continue;
            }
            double s0 = coef[r], s1 = coef[r + 1], s2 = coef[r + 2], s3 = coef[r + 3];
            double s4 = coef[r + 4], s5 = coef[r + 5], s6 = coef[r + 6], s7 = coef[r + 7];
            for (int x = 0; x < 8; x++) {
                int c = x * 8;
                t[r + x] = COS[c] * s0 + COS[c + 1] * s1 + COS[c + 2] * s2 + COS[c + 3] * s3
                        + COS[c + 4] * s4 + COS[c + 5] * s5 + COS[c + 6] * s6 + COS[c + 7] * s7;
            }
        }
        // Columns: s[y][x] = Σv C[y][v]·t[v][x]
        for (int x = 0; x < 8; x++) {
            double t0 = t[x], t1 = t[8 + x], t2 = t[16 + x], t3 = t[24 + x];
            double t4 = t[32 + x], t5 = t[40 + x], t6 = t[48 + x], t7 = t[56 + x];
            for (int y = 0; y < 8; y++) {
                int c = y * 8;
                double s = COS[c] * t0 + COS[c + 1] * t1 + COS[c + 2] * t2 + COS[c + 3] * t3
                        + COS[c + 4] * t4 + COS[c + 5] * t5 + COS[c + 6] * t6 + COS[c + 7] * t7;
                out[offset + y * stride + x] = clamp((int) Math.floor(s + 0.5) + shift, maxVal);
            }
        }
        java.util.Arrays.fill(coef, 0);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
