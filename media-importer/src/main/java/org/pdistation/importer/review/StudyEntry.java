package org.pdistation.importer.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A study of the review model. */
public final class StudyEntry {
    private final String uid;
    private final String date;
    private final String description;
    private final String accessionNumber;
    private final Map<String, SeriesEntry> series = new LinkedHashMap<>();

    StudyEntry(String uid, String date, String description, String accessionNumber) {
        this.uid = uid;
        this.date = date;
        this.description = description;
        this.accessionNumber = accessionNumber;
    }

    public String uid() { return uid; }

    public String date() { return date; }

    public String description() { return description; }

    public String accessionNumber() { return accessionNumber; }

    public List<SeriesEntry> series() { return List.copyOf(series.values()); }

    /** The modalities of the series, sorted, e.g. "CT\SR". */
    public String modalities() {
        TreeSet<String> m = new TreeSet<>();
        for (SeriesEntry s : series.values()) {
            if (!s.modality().isEmpty()) {
                m.add(s.modality());
            }
        }
        return String.join("\\", m);
    }

    public int instanceCount() {
        return series.values().stream().mapToInt(SeriesEntry::instanceCount).sum();
    }

    SeriesEntry series(String uid, String modality, String number, String description) {
        return series.computeIfAbsent(uid, u -> new SeriesEntry(u, modality, number, description));
    }
}
