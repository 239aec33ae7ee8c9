package org.pdistation.importer.review;

import java.nio.file.Path;
import java.util.Set;

/**
 * One instance of the review model: identifiers and the few attributes a list shows, never the data set itself, so
 * that a medium of many thousand files stays small in memory (PDI-REQUIREMENTS 34).
 *
 * @param file        the file, or null when the DICOMDIR references something absent or refused
 * @param fileId      as the DICOMDIR names it or relative to the root
 * @param problems    empty when importable as it is
 * @param detail      what exactly is wrong, for the report (no patient data), or empty
 */
public record InstanceRecord(Path file, String fileId, String sopClassUid, String sopInstanceUid,
                             String transferSyntaxUid, String studyUid, String seriesUid, int instanceNumber,
                             Set<InstanceProblem> problems, String detail) {
    public InstanceRecord {
        problems = Set.copyOf(problems);
        detail = detail == null ? "" : detail;
    }

    public boolean importable() {
        return file != null && problems.stream().noneMatch(InstanceProblem::blocking);
    }
}
