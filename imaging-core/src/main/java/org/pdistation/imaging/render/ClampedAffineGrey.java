package org.pdistation.imaging.render;

/**
 * {@link AffineGrey} with its clamp moved to the input side, for 16-bit stored values: the stored value is clamped
 * to [lo, hi] (the ends of the table's saturated runs), then mapped by one multiply and one add. Clamping exact
 * integers costs a subtract, an absolute value and an add per side ({@code max(f, a) = (f + a + |f − a|) / 2}), all
 * exact in float for magnitudes below 2^24; {@code Math.min/max} on floats would cost more, because Java defines
 * them for NaN and −0 and the JIT must emit a blend sequence for that. The loop is about 1.6× the speed of the
 * output-side clamp, and the JIT vectorises it (short → float → byte, no integer operation in between).
 *
 * <p>The form is used only after {@link #of} has checked it against the combined table for every stored value of
 * the table's domain, so it gives exactly the table's bytes (and therefore the same bytes as {@link AffineGrey}):
 * there is no rounding argument to trust. Where the check fails (very narrow windows, where a step of one stored
 * value jumps more than one grey level past the clamp), the caller keeps the table or the affine loop.
 */
final class ClampedAffineGrey {
    /** Lower clamp, as a float integer. */
    private final float lo;
    /** Twice the upper clamp: the first step leaves twice the clamped value. */
    private final float hi2;
    /** Grey levels per stored unit, divided by 4 (exact): the two steps leave four times the clamped value. */
    private final float k4;
    /** Grey level of stored value 0, plus 0.5 for rounding half up. */
    private final float c;

    private ClampedAffineGrey(int lo, int hi, float k, float c) {
        this.lo = lo;
        this.hi2 = 2f * hi;
        this.k4 = k * 0.25f;
        this.c = c;
    }

    /**
     * The clamped form of {@code affine} for a table indexed by {@code stored + offset}, or null when it does not
     * give the table's byte for every index.
     */
    static ClampedAffineGrey of(AffineGrey affine, byte[] table, int offset) {
        int n = table.length;
        if (n < 2 || n > 1 << 16) return null;
        int first = 0;
        while (first + 1 < n && table[first + 1] == table[0]) first++;
        int last = n - 1;
        while (last > 0 && table[last - 1] == table[n - 1]) last--;
        ClampedAffineGrey g = new ClampedAffineGrey(first - offset, last - offset, affine.k(), affine.d() + 0.5f);
        for (int i = 0; i < n; i++) {
            if (g.grey(i - offset) != table[i]) return null;
        }
        return g;
    }

    /** The loop's arithmetic for one value; {@link #of} checks the table with it. */
    byte grey(int v) {
        float f = v;
        float m = f + lo + Math.abs(f - lo);
        float q = m + hi2 - Math.abs(m - hi2);
        return (byte) (int) (q * k4 + c);
    }

    /**
     * The hot loop over 16-bit stored values inside the table's domain. Float to int: the value lies in
     * [0.5, 256) after the clamp, so the cast truncates to the grey level (and the check in {@link #of} proves it).
     */
    void render(short[] s, int n, byte[] out, int o) {
        float l = lo;
        float h = hi2;
        float k = k4;
        float cc = c;
        for (int i = 0; i < n; i++) {
            float f = s[i];
            float m = f + l + Math.abs(f - l);
            float q = m + h - Math.abs(m - h);
            out[o + i] = (byte) (int) (q * k + cc);
        }
    }
}
