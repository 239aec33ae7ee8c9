package org.pdistation.viewer.browser;

import org.pdistation.viewer.model.SeriesEntry;

/** One line of the browser tree; {@code series} is set for series rows only. */
public record BrowserRow(Kind kind, String name, String date, String modality, String description, int images,
                         SeriesEntry series) {
    public enum Kind { PATIENT, STUDY, SERIES }
}
