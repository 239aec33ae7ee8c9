package org.pdistation.viewer.view;

/**
 * The part of the viewport a slice was scaled into by our own resampler ({@link ScalingMode#OWN}): the geometry it
 * was drawn for and the area of the layer it covers, in output pixels ({@code pixelsPerUnit} per layout unit). The
 * staging buffer holds {@code width × height} pixels, row after row.
 */
record ScaledArea(ViewGeometry geometry, double pixelsPerUnit, int x, int y, int width, int height) {
    boolean isEmpty() { return width <= 0 || height <= 0; }
}
