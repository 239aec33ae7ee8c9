package org.pdistation.viewer.tools;

import javafx.geometry.Point2D;

/** One measurement drawn on one slice, in image coordinates (x = column, y = row, pixel edges at integers). */
public sealed interface Measure {
    int slice();

    record Distance(int slice, Point2D a, Point2D b) implements Measure {}

    record Angle(int slice, Point2D a, Point2D vertex, Point2D b) implements Measure {}

    /** A region; {@code stats} is null until computed off the FX thread. */
    record Roi(int slice, RoiShape shape, RoiStatistics stats) implements Measure {}
}
