package org.pdistation.viewer.view;

/**
 * What the FX thread knows of where a slice goes, captured with each render request when we scale ourselves: the
 * layer's size, zoom (NaN = fit), pan, orientation and output pixels per layout unit (the window's render scale).
 */
record Placement(double layerWidth, double layerHeight, double zoom, double panX, double panY,
                 ViewOrientation orientation, double pixelsPerUnit) {
    ViewGeometry geometry(int columns, int rows, double pixelAspect) {
        return ViewGeometry.of(columns, rows, pixelAspect, layerWidth, layerHeight, zoom, panX, panY, orientation);
    }
}
