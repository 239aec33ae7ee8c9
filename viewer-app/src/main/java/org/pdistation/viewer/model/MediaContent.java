package org.pdistation.viewer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What an opened medium holds, for the browser.
 *
 * @param source   what the user opened (folder, DICOMDIR, file), or null when nothing is open
 * @param patients patients → studies → series
 * @param readingProblems what was wrong with the medium, as sentences for a clerk (never a stack trace)
 */
public record MediaContent(Path source, List<PatientEntry> patients, List<ReadingProblem> readingProblems) {
    public MediaContent {
        patients = List.copyOf(patients);
        readingProblems = List.copyOf(readingProblems);
    }

    /** The reading problems' sentences, as the browser lists them. */
    public List<String> problems() {
        return readingProblems.stream().map(ReadingProblem::sentence).toList();
    }

    /**
     * This content without the reading problems of the missing files in {@code reported} (File IDs with '/'), which
     * the medium check lists already, with its rule: one entry per missing file, not two.
     */
    public MediaContent withoutMissing(Set<String> reported) {
        return new MediaContent(source, patients, readingProblems.stream()
                .filter(p -> p.missingFile() == null || !reported.contains(p.missingFile())).toList());
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
