package org.pdistation.imaging.render.series;

import java.util.Locale;

/**
 * Which pixel spacing to use for distances and areas on one image, and what the result means (PS3.3 10.7.1).
 *
 * @param basis         where the spacing applies
 * @param rowSpacing    mm between adjacent rows (first value of the spacing attribute); 1 for {@link Basis#PIXELS}
 * @param columnSpacing mm between adjacent columns (second value); 1 for {@link Basis#PIXELS}
 * @param label         short user-facing text to show next to a measurement
 */
public record Measurement(Basis basis, double rowSpacing, double columnSpacing, String label) {
    public enum Basis {
        /** Pixel Spacing (0028,0030) in the patient: cross-sectional modalities (CT, MR, PET...). */
        PATIENT,
        /**
         * Pixel Spacing of a projection image corrected for magnification or calibrated on a fiducial
         * (PS3.3 10.7.1.2): valid near the central ray at the calibrated depth only.
         */
        CALIBRATED,
        /**
         * Imager Pixel Spacing (0018,1164), or a Pixel Spacing equal to it: distances at the detector plane,
         * larger than in the patient by the geometric magnification (PS3.3 10.7.1.1, C.8.11.4).
         */
        DETECTOR,
        /** No usable spacing: distances in pixels. */
        PIXELS
    }

    /** Whether this measures in millimetres at all. */
    public boolean isMillimetres() { return basis != Basis.PIXELS; }

    /** Whether the caller must warn that the values are at the detector plane, not corrected for magnification. */
    public boolean atDetectorPlane() { return basis == Basis.DETECTOR; }

    /** Length of the segment from (row0, col0) to (row1, col1) in the unit of {@link #basis}. */
    public double distance(double row0, double col0, double row1, double col1) {
        double dy = (row1 - row0) * rowSpacing;
        double dx = (col1 - col0) * columnSpacing;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** "12.3 mm", "12.3 mm (detector plane)", "45 px". */
    public String format(double value) {
        return switch (basis) {
            case PIXELS -> String.format(Locale.ROOT, "%.0f px", value);
            case DETECTOR -> String.format(Locale.ROOT, "%.1f mm (detector)", value);
            case CALIBRATED, PATIENT -> String.format(Locale.ROOT, "%.1f mm", value);
        };
    }

    public static Measurement of(SliceInfo s) {
        double[] ps = s.pixelSpacing();
        double[] imager = s.imagerPixelSpacing();
        String calibration = s.pixelSpacingCalibrationType();
        if (valid(ps)) {
            if (calibration != null && !calibration.isBlank()) {
                // PS3.3 10.7.1.2: GEOMETRY = assumed magnification, FIDUCIAL = calibrated on an object of known size.
                String how = calibration.trim().toUpperCase(Locale.ROOT).equals("FIDUCIAL")
                        ? "calibrated on a fiducial" : "corrected for geometric magnification";
                return new Measurement(Basis.CALIBRATED, ps[0], ps[1], "mm, " + how + " (valid near the central ray)");
            }
            if (valid(imager)) {
                // PS3.3 10.7.1.1: equal to Imager Pixel Spacing means not corrected; different means corrected.
                if (same(ps, imager)) return detector(ps);
                return new Measurement(Basis.CALIBRATED, ps[0], ps[1],
                        "mm, corrected for magnification (valid near the central ray)");
            }
            return new Measurement(Basis.PATIENT, ps[0], ps[1], "mm");
        }
        if (valid(imager)) return detector(imager);
        return new Measurement(Basis.PIXELS, 1, 1, "pixels (no pixel spacing)");
    }

    private static Measurement detector(double[] spacing) {
        return new Measurement(Basis.DETECTOR, spacing[0], spacing[1],
                "mm at detector plane, not corrected for magnification");
    }

    /** PS3.3 10.7.1.3: positive non-zero values (zero only for a single row/column, useless for measuring). */
    private static boolean valid(double[] v) {
        return v != null && v.length == 2 && v[0] > 0 && v[1] > 0;
    }

    private static boolean same(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;
    }
}
