package org.pdistation.viewer.tools;

/** What a left-drag on the image does. */
public enum MeasureTool {
    /** No measuring: the drag windows (the viewport's own handling). */
    NONE,
    DISTANCE,
    /** Three clicks: first arm end, vertex, second arm end. */
    ANGLE,
    RECTANGLE,
    ELLIPSE
}
