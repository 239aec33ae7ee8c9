package org.pdistation.imaging.render;

/**
 * The common case in closed form: a rescale (C.11.1) followed by a LINEAR or LINEAR_EXACT window (C.11.2.1.2.1,
 * C.11.2.1.3.2) and an IDENTITY or INVERSE shape is one affine map of the stored value, clamped to 0–255. Written
 * as a plain float loop the JIT turns it into SIMD code, several times faster than a table look-up per pixel.
 *
 * <p>The combined table is built with {@link #grey(int)} too, so that the table and the loop give the same bytes:
 * Java float arithmetic is exact IEEE 754 with no fused multiply-add, so vectorised and scalar results are equal.
 *
 * @param k grey levels per stored unit
 * @param d grey level of stored value 0
 */
record AffineGrey(float k, float d) {

    /** The affine form of these steps, or null when one of them is not linear (LUTs, SIGMOID). */
    static AffineGrey of(ModalityLut m, Voi voi, PresentationLut p) {
        if (!(m instanceof ModalityLut.Rescale r) || !(voi instanceof Voi.Window w)
                || !(p instanceof PresentationLut.Shape shape)) {
            return null;
        }
        double k;
        double d;
        switch (w.function()) {
            case LINEAR -> {
                // y = ((x − (c − 0.5)) / (w − 1) + 0.5), x = slope · v + intercept
                double width = Math.max(w.width(), 1);
                if (width == 1) return null; // a step function: the table handles it
                double c = w.center() - 0.5;
                k = 255 * r.slope() / (width - 1);
                d = 255 * ((r.intercept() - c) / (width - 1) + 0.5);
            }
            case LINEAR_EXACT -> {
                if (!(w.width() > 0)) return null;
                k = 255 * r.slope() / w.width();
                d = 255 * ((r.intercept() - w.center()) / w.width() + 0.5);
            }
            default -> {
                return null;
            }
        }
        if (shape == PresentationLut.Shape.INVERSE) {
            k = -k;
            d = 255 - d;
        }
        if (!Double.isFinite(k) || !Double.isFinite(d)) return null;
        return new AffineGrey((float) k, (float) d);
    }

    /** Grey level of stored value {@code v}: rounded half up after clamping to [0, 255]. */
    int grey(int v) {
        return (int) (Math.min(Math.max(v * k + d, 0f), 255f) + 0.5f);
    }

    /** The hot loop over 16-bit stored values; the same arithmetic as {@link #grey(int)}. */
    void render(short[] s, int n, byte[] out, int o) {
        float kk = k;
        float dd = d;
        for (int i = 0; i < n; i++) {
            out[o + i] = (byte) (int) (Math.min(Math.max(s[i] * kk + dd, 0f), 255f) + 0.5f);
        }
    }

    /** The hot loop over unsigned 8-bit stored values. */
    void renderUnsigned(byte[] s, int n, byte[] out, int o) {
        float kk = k;
        float dd = d;
        for (int i = 0; i < n; i++) {
            out[o + i] = (byte) (int) (Math.min(Math.max((s[i] & 0xFF) * kk + dd, 0f), 255f) + 0.5f);
        }
    }
}
