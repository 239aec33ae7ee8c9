package org.pdistation.imaging.render;

/**
 * Modality LUT transformation (PS3.3 C.11.1): stored values to modality values (e.g. Hounsfield units), either the
 * linear Rescale Slope/Intercept or a Modality LUT Sequence table. Equality is by value (rescale) or by table
 * identity, so it can key the {@link LutCache}.
 */
public sealed interface ModalityLut {
    double apply(double stored);

    /** Units of the output (Rescale Type (0028,1054) or Modality LUT Type (0028,3004)); may be null. */
    String type();

    /** Linear rescale: {@code slope × stored + intercept} (C.11.1.1.2). */
    record Rescale(double slope, double intercept, String type) implements ModalityLut {
        public static final Rescale IDENTITY = new Rescale(1, 0, null);

        public Rescale {
            if (!(slope != 0 && Double.isFinite(slope))) slope = 1; // a zero or missing slope would flatten the image
            if (!Double.isFinite(intercept)) intercept = 0;
        }

        @Override
        public double apply(double stored) { return stored * slope + intercept; }

        public boolean isIdentity() { return slope == 1 && intercept == 0; }
    }

    /** Modality LUT Sequence (0028,3000) item. */
    record Table(LutTable lut, String type) implements ModalityLut {
        @Override
        public double apply(double stored) { return lut.lookup(stored); }
    }
}
