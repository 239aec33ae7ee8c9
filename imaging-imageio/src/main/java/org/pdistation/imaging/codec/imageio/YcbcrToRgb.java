package org.pdistation.imaging.codec.imageio;

/**
 * JFIF YCbCr → RGB (ITU-T T.871 §7, full range, the conversion libjpeg applies), in place on interleaved 8-bit
 * samples, with integer tables so the result is the rounded exact value.
 */
final class YcbcrToRgb {
    private static final int SCALE = 16;
    private static final int HALF = 1 << (SCALE - 1);
    // T.871 §7: R = Y + 1.402 (Cr−128); G = Y − 0.344136 (Cb−128) − 0.714136 (Cr−128); B = Y + 1.772 (Cb−128)
    private static final int CR_R = fixed(1.40200);
    private static final int CB_G = fixed(0.34414);
    private static final int CR_G = fixed(0.71414);
    private static final int CB_B = fixed(1.77200);

    private YcbcrToRgb() {}

    private static int fixed(double v) {
        return (int) Math.round(v * (1 << SCALE));
    }

    static void convert(byte[] px, int sampleCount) {
        for (int i = 0; i + 2 < sampleCount; i += 3) {
            int y = px[i] & 0xFF;
            int cb = (px[i + 1] & 0xFF) - 128;
            int cr = (px[i + 2] & 0xFF) - 128;
            px[i] = clamp(y + ((CR_R * cr + HALF) >> SCALE));
            px[i + 1] = clamp(y + ((HALF - CB_G * cb - CR_G * cr) >> SCALE));
            px[i + 2] = clamp(y + ((CB_B * cb + HALF) >> SCALE));
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
