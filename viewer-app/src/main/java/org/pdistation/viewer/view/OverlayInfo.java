package org.pdistation.viewer.view;

import java.util.List;

/**
 * What the four-corner overlay and the orientation markers show for one rendered slice; built on the render
 * thread from the header so that the FX thread never touches a dataset.
 *
 * @param orientation Image Orientation (Patient) of the slice (row then column cosines), or null
 * @param position    Image Position (Patient) z, or Slice Location, mm; NaN when unknown
 * @param thickness   Slice Thickness mm, NaN when unknown
 */
public record OverlayInfo(String patientName, String patientId, String birthDate, String studyDescription,
                          String studyDate, String institution, String seriesNumber, String seriesDescription,
                          String instanceNumber, String modality, double[] orientation, double position,
                          double thickness, List<WindowLevel> headerWindows) {
    public OverlayInfo {
        headerWindows = List.copyOf(headerWindows);
        orientation = orientation == null ? null : orientation.clone();
    }

    @Override
    public double[] orientation() {
        return orientation == null ? null : orientation.clone();
    }
}
