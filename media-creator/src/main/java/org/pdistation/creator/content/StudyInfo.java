package org.pdistation.creator.content;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One study of the file-set.
 *
 * @param date        Study Date, or null when absent or not a valid DA
 * @param description Study Description, or ""
 * @param studyId     Study ID, or ""
 * @param accession   Accession Number, or ""
 */
public record StudyInfo(LocalDate date, String description, String studyId, String accession,
                        List<SeriesInfo> series) {
    public StudyInfo {
        series = List.copyOf(series);
    }

    /** The distinct modalities of the series, in series order. */
    public List<String> modalities() {
        Set<String> m = new LinkedHashSet<>();
        for (SeriesInfo s : series) {
            if (!s.modality().isEmpty()) m.add(s.modality());
        }
        return List.copyOf(m);
    }

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }
}
