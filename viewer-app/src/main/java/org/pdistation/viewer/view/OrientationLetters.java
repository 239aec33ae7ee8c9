package org.pdistation.viewer.view;

/**
 * Orientation markers for the image edges from Image Orientation (Patient). PS3.3 C.7.6.1.1.1: the patient-based
 * axes point to the patient's Left (+x), Posterior (+y) and Head (+z); the right edge of the image lies in the row
 * direction, the bottom edge in the column direction.
 */
public final class OrientationLetters {
    /** Components below this share of the vector are left out (an oblique direction shows up to three letters). */
    private static final double MINOR = 0.25;

    private OrientationLetters() {}

    /** Letters for the edges: [top, right, bottom, left]; empty strings when the orientation is unknown. */
    public static String[] edges(double[] orientation) {
        if (orientation == null || orientation.length != 6) return new String[] {"", "", "", ""};
        double[] row = {orientation[0], orientation[1], orientation[2]};
        double[] col = {orientation[3], orientation[4], orientation[5]};
        return new String[] {letters(negate(col)), letters(row), letters(col), letters(negate(row))};
    }

    /**
     * Letters for the edges of an image shown turned by {@code view}: each screen edge's direction is taken back to
     * an image direction (column, row) and from there to the patient (row cosines × column + column cosines × row).
     */
    public static String[] edges(double[] orientation, ViewOrientation view) {
        if (orientation == null || orientation.length != 6) return new String[] {"", "", "", ""};
        double[][] screen = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}}; // top, right, bottom, left
        String[] out = new String[4];
        for (int i = 0; i < 4; i++) {
            double[] d = view.screenToImage(screen[i][0], screen[i][1]);
            double[] p = new double[3];
            for (int k = 0; k < 3; k++) p[k] = d[0] * orientation[k] + d[1] * orientation[3 + k];
            out[i] = letters(p);
        }
        return out;
    }

    static String letters(double[] v) {
        Integer[] axes = {0, 1, 2};
        java.util.Arrays.sort(axes, (a, b) -> Double.compare(Math.abs(v[b]), Math.abs(v[a])));
        StringBuilder sb = new StringBuilder();
        for (int a : axes) {
            double c = v[a];
            if (Math.abs(c) < MINOR) continue;
            sb.append(switch (a) {
                case 0 -> c > 0 ? 'L' : 'R';
                case 1 -> c > 0 ? 'P' : 'A';
                default -> c > 0 ? 'H' : 'F';
            });
        }
        return sb.toString();
    }

    private static double[] negate(double[] v) {
        return new double[] {-v[0], -v[1], -v[2]};
    }
}
