package org.pdistation.imaging.render.series;

import java.util.List;

/**
 * Distances between consecutive slice positions of a stack, along its normal.
 *
 * @param median    median gap, mm: the spacing to use for 3D (MPR, volume), robust to a few missing slices
 * @param min       smallest gap, mm
 * @param max       largest gap, mm
 * @param uniform   whether every gap is within the tolerance of the median
 * @param irregular the gaps that are not (missing slices, acquisition blocks with different spacing)
 * @param coverage  how the median spacing compares with the slice thickness
 */
public record Spacing(double median, double min, double max, boolean uniform, List<Gap> irregular,
                      Coverage coverage) {
    public Spacing {
        irregular = List.copyOf(irregular);
    }

    /**
     * A gap between position {@code after} and {@code after + 1} (indices into {@link Stack#byPosition()}) that
     * differs from the median.
     */
    public record Gap(int after, double distance) {}

    /** Median spacing against Slice Thickness (0018,0050). */
    public enum Coverage {
        /** Spacing equals thickness: the slices tile the volume. */
        CONTIGUOUS,
        /** Spacing larger than thickness: tissue between slices is not imaged. */
        GAPS,
        /** Spacing smaller than thickness: slices overlap (common for CT reconstructions). */
        OVERLAPPING,
        /** No slice thickness. */
        UNKNOWN
    }
}
