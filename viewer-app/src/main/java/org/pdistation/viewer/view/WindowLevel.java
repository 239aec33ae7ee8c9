package org.pdistation.viewer.view;

/** A VOI window (PS3.3 C.11.2.1.2): centre and width in modality units (Hounsfield units for CT). */
public record WindowLevel(double centre, double width) {
    public WindowLevel {
        width = Math.max(1, width); // C.11.2.1.2.1: Window Width shall be >= 1
    }
}
