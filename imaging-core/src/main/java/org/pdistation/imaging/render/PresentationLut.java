package org.pdistation.imaging.render;

/**
 * Presentation LUT (PS3.3 C.11.6): the VOI output fraction to the display fraction (P-values, 0 = black). The
 * MONOCHROME1 photometric interpretation (C.7.6.3.1.2: minimum sample value is white) is expressed as INVERSE.
 */
public sealed interface PresentationLut {
    double apply(double y);

    enum Shape implements PresentationLut {
        IDENTITY, INVERSE;

        @Override
        public double apply(double y) { return this == IDENTITY ? y : 1 - y; }
    }

    /**
     * Presentation LUT Sequence (2050,0010) item: its input range is the VOI output range scaled to the table's
     * entries (first mapped 0), its output P-values are 0…2^bits − 1 (C.11.6.1).
     */
    record Table(LutTable lut) implements PresentationLut {
        @Override
        public double apply(double y) {
            double idx = Math.rint(Math.max(0, Math.min(1, y)) * (lut.size() - 1)) + lut.firstMapped();
            return lut.lookup(idx) / (double) lut.maxOutput();
        }
    }
}
