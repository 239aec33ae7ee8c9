package org.pdistation.imaging.codec.jpegls;

import org.pdistation.imaging.codec.CodecException;

/**
 * Coding parameters of one JPEG-LS scan, with the values derived from them (T.87 A.2.1, C.2.4.1.1).
 *
 * @param maxval maximum sample value MAXVAL
 * @param t1     gradient threshold T1
 * @param t2     gradient threshold T2
 * @param t3     gradient threshold T3
 * @param reset  context counter reset threshold RESET
 * @param near   NEAR, 0 for lossless
 * @param range  RANGE = floor((MAXVAL + 2·NEAR) / (2·NEAR + 1)) + 1
 * @param qbpp   bits of a mapped error in an escape code: ceil(log2 RANGE)
 * @param limit  LIMIT = 2·(bpp + max(8, bpp)), the longest Golomb code
 */
record JpegLsParameters(int maxval, int t1, int t2, int t3, int reset, int near, int range, int qbpp, int limit) {
    // T.87 C.2.4.1.1: BASIC_T1..T3 for 8-bit data, scaled for other MAXVAL and NEAR.
    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;
    static final int DEFAULT_RESET = 64;

    /**
     * Resolves the preset values of an LSE type 1 segment (0 meaning "default", T.87 C.2.4.1.1) for a scan.
     *
     * @throws CodecException when a value is out of the range T.87 C.2.4.1.1 allows
     */
    static JpegLsParameters resolve(int precision, int presetMaxval, int presetT1, int presetT2, int presetT3,
                                    int presetReset, int near) throws CodecException {
        int full = (1 << precision) - 1;
        int maxval = presetMaxval == 0 ? full : presetMaxval;
        if (maxval < 1 || maxval > full) {
            throw new CodecException("JPEG-LS MAXVAL " + maxval + " outside 1.." + full + " for " + precision
                    + "-bit samples");
        }
        if (near < 0 || near > Math.min(255, maxval / 2)) {
            throw new CodecException("JPEG-LS NEAR " + near + " outside 0.." + Math.min(255, maxval / 2));
        }
        int t1;
        int t2;
        int t3;
        if (maxval >= 128) {
            int factor = (Math.min(maxval, 4095) + 128) >> 8;
            t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxval);
            t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxval);
            t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxval);
        } else {
            int factor = 256 / (maxval + 1);
            t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxval);
            t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxval);
            t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxval);
        }
        if (presetT1 != 0) t1 = presetT1;
        if (presetT2 != 0) t2 = presetT2;
        if (presetT3 != 0) t3 = presetT3;
        if (t1 < near + 1 || t1 > maxval || t2 < t1 || t2 > maxval || t3 < t2 || t3 > maxval) {
            throw new CodecException("JPEG-LS thresholds T1=" + t1 + " T2=" + t2 + " T3=" + t3
                    + " violate NEAR+1 <= T1 <= T2 <= T3 <= MAXVAL (" + maxval + ")");
        }
        int reset = presetReset == 0 ? DEFAULT_RESET : presetReset;
        if (reset < 3 || reset > Math.max(255, maxval)) {
            throw new CodecException("JPEG-LS RESET " + reset + " outside 3.." + Math.max(255, maxval));
        }
        int range = (maxval + 2 * near) / (2 * near + 1) + 1;
        int qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxval + 1));
        int limit = 2 * (bpp + Math.max(8, bpp));
        return new JpegLsParameters(maxval, t1, t2, t3, reset, near, range, qbpp, limit);
    }

    /** T.87 C.2.4.1.1 CLAMP(i, j, MAXVAL): j when i is above MAXVAL or below j, else i. */
    private static int clamp(int i, int j, int maxval) {
        return i > maxval || i < j ? j : i;
    }

    private static int ceilLog2(int v) {
        return v <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(v - 1);
    }
}
