package org.pdistation.viewer.browser;

import org.pdistation.viewer.model.SeriesEntry;

/**
 * One line of the browser tree as shown: {@code name} the first line of the tree column ("Series 1 · Cervical LAT"),
 * {@code detail} its second, smaller line (patient ID, birth date and sex; accession; body part), possibly empty;
 * {@code series} is set for series rows only.
 */
public record BrowserRow(Kind kind, String name, String detail, String date, String modality, int images,
                         SeriesEntry series) {
    public enum Kind { PATIENT, STUDY, SERIES }
}
