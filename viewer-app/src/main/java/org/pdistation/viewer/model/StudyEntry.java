package org.pdistation.viewer.model;

import java.util.List;

/** One study as the browser lists it: Study Instance UID, Study Date (DA, as written), description, series. */
public record StudyEntry(String uid, String date, String description, String accession, List<SeriesEntry> series) {
    public StudyEntry {
        series = List.copyOf(series);
    }

    public int instances() {
        return series.stream().mapToInt(SeriesEntry::instances).sum();
    }
}
