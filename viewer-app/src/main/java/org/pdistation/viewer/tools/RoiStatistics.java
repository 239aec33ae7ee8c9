package org.pdistation.viewer.tools;

import org.pdistation.imaging.render.series.Measurement;

/**
 * Mean, standard deviation, minimum and maximum of the modality values (after the Modality LUT / rescale,
 * PS3.3 C.11.1, e.g. Hounsfield units) of the pixels whose centres lie inside a region, and the region's area in
 * mm² from the pixel spacing (pixels² without one).
 *
 * @param pixels  pixels counted
 * @param sd      population standard deviation
 * @param area    geometric area in mm² (or pixels² when {@code millimetres} is false)
 * @param channels for a colour image, the mean of each channel (then mean, sd, min and max are of the luminance);
 *                 null for a greyscale image
 */
public record RoiStatistics(int pixels, double mean, double sd, double min, double max, double area,
                            boolean millimetres, Rgb channels) {
    /** Mean red, green and blue (0–255) of a colour region. */
    public record Rgb(double red, double green, double blue) {}

    /** Greyscale statistics (no channels). */
    public RoiStatistics(int pixels, double mean, double sd, double min, double max, double area, boolean millimetres) {
        this(pixels, mean, sd, min, max, area, millimetres, null);
    }

    /**
     * Statistics of a colour region from its pixels as 0xRRGGBB: mean/SD/min/max of the luminance
     * Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, the weights of PS3.3 C.7.6.3.1.2's YBR_FULL), and the mean of
     * each channel.
     */
    public static RoiStatistics ofRgb(RoiShape shape, int columns, int rows, Values rgb, Measurement spacing) {
        RoiStatistics y = of(shape, columns, rows, (c, r) -> {
            int p = (int) rgb.at(c, r);
            return 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        }, spacing);
        double red = of(shape, columns, rows, (c, r) -> ((int) rgb.at(c, r) >> 16) & 0xFF, spacing).mean();
        double green = of(shape, columns, rows, (c, r) -> ((int) rgb.at(c, r) >> 8) & 0xFF, spacing).mean();
        double blue = of(shape, columns, rows, (c, r) -> (int) rgb.at(c, r) & 0xFF, spacing).mean();
        return new RoiStatistics(y.pixels, y.mean, y.sd, y.min, y.max, y.area, y.millimetres, new Rgb(red, green, blue));
    }
    /** The modality value of pixel (column, row). */
    @FunctionalInterface
    public interface Values {
        double at(int column, int row);
    }

    /** Statistics of {@code shape} over an image of {@code columns} × {@code rows}; the part outside the image is ignored. */
    public static RoiStatistics of(RoiShape shape, int columns, int rows, Values values, Measurement spacing) {
        int c0 = Math.max(0, (int) Math.floor(shape.x0()));
        int c1 = Math.min(columns - 1, (int) Math.ceil(shape.x1()));
        int r0 = Math.max(0, (int) Math.floor(shape.y0()));
        int r1 = Math.min(rows - 1, (int) Math.ceil(shape.y1()));
        int n = 0;
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (!shape.contains(c + 0.5, r + 0.5)) continue;
                double v = values.at(c, r);
                n++;
                // Welford's running mean and sum of squares: stable for large regions of large values.
                double d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        boolean mm = spacing != null && spacing.isMillimetres();
        double area = shape.area() * (mm ? spacing.rowSpacing() * spacing.columnSpacing() : 1);
        if (n == 0) return new RoiStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, area, mm);
        return new RoiStatistics(n, mean, Math.sqrt(m2 / n), min, max, area, mm);
    }
}
