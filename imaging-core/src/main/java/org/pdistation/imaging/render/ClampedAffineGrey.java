package org.pdistation.imaging.render;

/**
 * {@link AffineGrey} with its clamp moved to the input side, for 16-bit stored values: the stored value is clamped
 * to [lo, hi] (the ends of the table's saturated runs), then mapped by one multiply and one add. For exact
 * integers {@code |v − lo| − |v − hi| + lo + hi} is twice the clamped value, computed exactly in float (all
 * magnitudes below 2^24) with subtractions and absolute values only; {@code Math.min/max} on floats would cost
 * more, because Java defines them for NaN and −0 and the JIT must emit a blend sequence for that, and integer
 * min/max on the promoted shorts keeps the JIT from vectorising the loop at all. The loop is short → float →
 * byte with nothing else in between, which the JIT turns into SIMD code: about twice the speed of the
 * output-side clamp of {@link AffineGrey#render}.
 *
 * <p>The form is used only after {@link #of} has checked it against the combined table for every stored value of
 * the table's domain, so it gives exactly the table's bytes (and therefore the same bytes as {@link AffineGrey}):
 * there is no rounding argument to trust. Two forms are tried: {@code lo + hi} folded into the constant (one
 * operation fewer, but rounded differently, so it may miss the table by one at a boundary), then the exact one.
 * Where neither matches (very narrow windows, where one stored step jumps past the clamp by more than a grey
 * level), the caller keeps the affine loop.
 *
 * <p>Before those, where the processor does fused multiply-add, the folded form with its multiply and add fused
 * into one {@link Math#fma} is tried (one vector operation fewer per pixel, about 8 % at 512², where the loop is
 * compute-bound because the frame sits in cache). It rounds once instead of twice, so it too is kept only where
 * it matches the table for every stored value. Without hardware FMA the JDK computes {@code Math.fma} in
 * software, hundreds of times slower, so it is never tried there.
 */
final class ClampedAffineGrey {
    private final float lo;
    private final float hi;
    /** Half the grey levels per stored unit (exact): the clamp leaves twice the clamped value. */
    private final float k2;
    /** lo + hi, added before the multiply in the exact form; 0 in the folded form. */
    private final float sum;
    /** Added after the multiply: grey level of stored value 0 plus 0.5 (rounding half up), and in the folded form
     * also (lo + hi)·k/2. */
    private final float c;
    private final boolean folded;
    /** Folded, with the multiply and the add as one fused multiply-add. */
    private final boolean fused;

    /** The forms, tried in this order; the first that gives the table's byte for every stored value is kept. */
    enum Form { FUSED, FOLDED, EXACT }

    /** Whether this JVM executes {@link Math#fma} as one instruction (HotSpot's UseFMA), read once. */
    static final boolean HARDWARE_FMA = hardwareFma();

    private ClampedAffineGrey(int lo, int hi, float k, float c, Form form) {
        boolean folded = form != Form.EXACT;
        this.lo = lo;
        this.hi = hi;
        this.k2 = k * 0.5f;
        this.folded = folded;
        this.fused = form == Form.FUSED;
        this.sum = folded ? 0f : (float) (lo + hi);
        this.c = folded ? (float) (c + ((double) lo + hi) * k2) : c;
    }

    /**
     * The clamped form of {@code affine} for a table indexed by {@code stored + offset}, or null when it does not
     * give the table's byte for every index.
     */
    static ClampedAffineGrey of(AffineGrey affine, byte[] table, int offset) {
        return HARDWARE_FMA ? of(affine, table, offset, Form.FUSED, Form.FOLDED, Form.EXACT)
                : of(affine, table, offset, Form.FOLDED, Form.EXACT);
    }

    /** As {@link #of(AffineGrey, byte[], int)}, trying only {@code forms}, in order (for tests). */
    static ClampedAffineGrey of(AffineGrey affine, byte[] table, int offset, Form... forms) {
        int n = table.length;
        if (n < 2 || n > 1 << 16) return null;
        int first = 0;
        while (first + 1 < n && table[first + 1] == table[0]) first++;
        int last = n - 1;
        while (last > 0 && table[last - 1] == table[n - 1]) last--;
        int lo = Math.min(first, last) - offset;
        int hi = Math.max(first, last) - offset;
        float c = affine.d() + 0.5f;
        for (Form form : forms) {
            ClampedAffineGrey g = new ClampedAffineGrey(lo, hi, affine.k(), c, form);
            if (g.matches(table, offset)) return g;
        }
        return null;
    }

    private boolean matches(byte[] table, int offset) {
        for (int i = 0; i < table.length; i++) {
            if (grey(i - offset) != table[i]) return false;
        }
        return true;
    }

    /** The loops' arithmetic for one value; {@link #of} checks the table with it. */
    byte grey(int v) {
        float f = v;
        if (fused) return (byte) (int) Math.fma(Math.abs(f - lo) - Math.abs(f - hi), k2, c);
        return (byte) (int) ((Math.abs(f - lo) - Math.abs(f - hi) + sum) * k2 + c);
    }

    /**
     * The hot loop over 16-bit stored values inside the table's domain. Float to int: after the clamp the value
     * lies in [0, 256), so the cast truncates to the grey level (and the check in {@link #of} proves it).
     */
    void render(short[] s, int n, byte[] out, int o) {
        if (fused) renderFused(s, n, out, o);
        else if (folded) renderFolded(s, n, out, o);
        else renderExact(s, n, out, o);
    }

    private void renderFused(short[] s, int n, byte[] out, int o) {
        float l = lo;
        float h = hi;
        float k = k2;
        float cc = c;
        for (int i = 0; i < n; i++) {
            float f = s[i];
            out[o + i] = (byte) (int) Math.fma(Math.abs(f - l) - Math.abs(f - h), k, cc);
        }
    }

    private void renderFolded(short[] s, int n, byte[] out, int o) {
        float l = lo;
        float h = hi;
        float k = k2;
        float cc = c;
        for (int i = 0; i < n; i++) {
            float f = s[i];
            out[o + i] = (byte) (int) ((Math.abs(f - l) - Math.abs(f - h)) * k + cc);
        }
    }

    private void renderExact(short[] s, int n, byte[] out, int o) {
        float l = lo;
        float h = hi;
        float sm = sum;
        float k = k2;
        float cc = c;
        for (int i = 0; i < n; i++) {
            float f = s[i];
            out[o + i] = (byte) (int) ((Math.abs(f - l) - Math.abs(f - h) + sm) * k + cc);
        }
    }

    /**
     * The same grey levels as opaque ARGB ints ({@code 0xFF000000 | g·0x010101}, the table's ARGB twin). The
     * store is int-wide, so widening the level with integer arithmetic keeps the loop vectorised.
     */
    void renderArgb(short[] s, int n, int[] out, int o) {
        float l = lo;
        float h = hi;
        float sm = sum;
        float k = k2;
        float cc = c;
        if (fused) {
            for (int i = 0; i < n; i++) {
                float f = s[i];
                out[o + i] = 0xFF000000 | (int) Math.fma(Math.abs(f - l) - Math.abs(f - h), k, cc) * 0x010101;
            }
        } else if (folded) {
            for (int i = 0; i < n; i++) {
                float f = s[i];
                out[o + i] = 0xFF000000 | (int) ((Math.abs(f - l) - Math.abs(f - h)) * k + cc) * 0x010101;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float f = s[i];
                out[o + i] = 0xFF000000 | (int) ((Math.abs(f - l) - Math.abs(f - h) + sm) * k + cc) * 0x010101;
            }
        }
    }

    /** Whether the constant absorbed lo + hi (for tests). */
    boolean folded() { return folded; }

    /** Whether the multiply and add are one fused multiply-add (for tests). */
    boolean fused() { return fused; }

    private static boolean hardwareFma() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && "true".equals(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) { // not HotSpot, or no such option: assume software fma
            return false;
        }
    }
}
