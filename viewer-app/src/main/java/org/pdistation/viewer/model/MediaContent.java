package org.pdistation.viewer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What an opened medium holds, for the browser.
 *
 * @param source   what the user opened (folder, DICOMDIR, file), or null when nothing is open
 * @param patients patients → studies → series
 * @param problems what was wrong with the medium, as sentences for a clerk (never a stack trace)
 */
public record MediaContent(Path source, List<PatientEntry> patients, List<String> problems) {
    public MediaContent {
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
    }

    public static MediaContent empty() {
        return new MediaContent(null, List.of(), List.of());
    }

    public int studyCount() {
        return patients.stream().mapToInt(p -> p.studies().size()).sum();
    }

    public List<SeriesEntry> allSeries() {
        return patients.stream().flatMap(p -> p.studies().stream()).flatMap(s -> s.series().stream()).toList();
    }

    public int instanceCount() {
        return allSeries().stream().mapToInt(SeriesEntry::instances).sum();
    }
}
