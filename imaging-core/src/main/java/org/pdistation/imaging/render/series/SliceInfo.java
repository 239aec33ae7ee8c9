package org.pdistation.imaging.render.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * The geometry and ordering attributes of one image (one file, or one frame of a multi-frame file), as needed to
 * sort a series and measure on it. Absent attributes are null; arrays are never shared with the dataset.
 *
 * @param ref                        the file and frame
 * @param seriesInstanceUid          (0020,000E), or null
 * @param position                   Image Position (Patient) (0020,0032): x, y, z of the first pixel's centre, mm
 * @param orientation                Image Orientation (Patient) (0020,0037): row then column direction cosines
 * @param instanceNumber             (0020,0013)
 * @param acquisitionNumber          (0020,0012), or Frame Acquisition Number (0020,9156) of the frame
 * @param temporalPositionIdentifier (0020,0100), or Temporal Position Index (0020,9128) of the frame
 * @param triggerTime                (0018,1060), or Nominal Cardiac Trigger Delay Time (0020,9153) of the frame, ms
 * @param echoNumber                 first value of Echo Numbers (0018,0086)
 * @param sliceLocation              (0020,1041)
 * @param sliceThickness             (0018,0050), per frame from Pixel Measures (0028,9110)
 * @param spacingBetweenSlices       (0018,0088), per frame from Pixel Measures
 * @param pixelSpacing               (0028,0030) row spacing, column spacing; per frame from Pixel Measures
 * @param imagerPixelSpacing         (0018,1164) at the detector plane
 * @param pixelSpacingCalibrationType (0028,0A02): GEOMETRY or FIDUCIAL
 * @param stackId                    Stack ID (0020,9056) from Frame Content, or null
 * @param inStackPosition            In-Stack Position Number (0020,9057) from Frame Content, or null
 * @param rows                       (0028,0010)
 * @param columns                    (0028,0011)
 */
public record SliceInfo(InstanceRef ref, String seriesInstanceUid, double[] position, double[] orientation,
                        Integer instanceNumber, Integer acquisitionNumber, Integer temporalPositionIdentifier,
                        Double triggerTime, Integer echoNumber, Double sliceLocation, Double sliceThickness,
                        Double spacingBetweenSlices, double[] pixelSpacing, double[] imagerPixelSpacing,
                        String pixelSpacingCalibrationType, String stackId, Integer inStackPosition,
                        int rows, int columns) {
    public SliceInfo {
        position = copy(position, 3);
        orientation = copy(orientation, 6);
        pixelSpacing = copy(pixelSpacing, 2);
        imagerPixelSpacing = copy(imagerPixelSpacing, 2);
    }

    /** Larger than any patient coordinate or spacing in mm; keeps sums and differences of values finite. */
    private static final double PLAUSIBLE = 1e7;

    /** A copy of {@code v} when it has exactly {@code n} plausible values; null otherwise (malformed is absent). */
    private static double[] copy(double[] v, int n) {
        if (v == null || v.length != n) return null;
        for (double d : v) {
            if (!(Math.abs(d) <= PLAUSIBLE)) return null; // also false for NaN
        }
        return v.clone();
    }

    @Override
    public double[] position() { return position == null ? null : position.clone(); }

    @Override
    public double[] orientation() { return orientation == null ? null : orientation.clone(); }

    @Override
    public double[] pixelSpacing() { return pixelSpacing == null ? null : pixelSpacing.clone(); }

    @Override
    public double[] imagerPixelSpacing() { return imagerPixelSpacing == null ? null : imagerPixelSpacing.clone(); }

    /** Whether position and orientation are both present (not necessarily non-degenerate). */
    public boolean hasPlane() { return position != null && orientation != null; }

    /** Measurement spacing for this image (PS3.3 10.7.1). */
    public Measurement measurement() { return Measurement.of(this); }

    /** Component-wise, arrays by content (a record's default would compare array references). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SliceInfo s && ref.equals(s.ref) && Objects.equals(seriesInstanceUid, s.seriesInstanceUid)
                && Arrays.equals(position, s.position) && Arrays.equals(orientation, s.orientation)
                && Objects.equals(instanceNumber, s.instanceNumber)
                && Objects.equals(acquisitionNumber, s.acquisitionNumber)
                && Objects.equals(temporalPositionIdentifier, s.temporalPositionIdentifier)
                && Objects.equals(triggerTime, s.triggerTime) && Objects.equals(echoNumber, s.echoNumber)
                && Objects.equals(sliceLocation, s.sliceLocation) && Objects.equals(sliceThickness, s.sliceThickness)
                && Objects.equals(spacingBetweenSlices, s.spacingBetweenSlices)
                && Arrays.equals(pixelSpacing, s.pixelSpacing)
                && Arrays.equals(imagerPixelSpacing, s.imagerPixelSpacing)
                && Objects.equals(pixelSpacingCalibrationType, s.pixelSpacingCalibrationType)
                && Objects.equals(stackId, s.stackId) && Objects.equals(inStackPosition, s.inStackPosition)
                && rows == s.rows && columns == s.columns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, seriesInstanceUid, Arrays.hashCode(position), instanceNumber, rows, columns);
    }

    @Override
    public String toString() {
        return "SliceInfo[" + ref + ", pos=" + Arrays.toString(position) + ", ori=" + Arrays.toString(orientation)
                + ", instance=" + instanceNumber + "]";
    }
}
