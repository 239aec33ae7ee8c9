package org.pdistation.viewer.tools;

import javafx.geometry.Point2D;

/**
 * Between image coordinates (x = column, y = row) and the coordinates of the layer drawn above the image, with
 * zoom, pan, rotation and flips applied. Measurements are kept in image coordinates, so they survive all of these.
 */
public interface ImageMapping {
    Point2D toScreen(double x, double y);

    Point2D toImage(double x, double y);
}
