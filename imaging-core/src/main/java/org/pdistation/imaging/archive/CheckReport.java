package org.pdistation.imaging.archive;

import java.util.List;

/**
 * What {@link Archive#check} found (and reconciled): index rows whose file was missing (rows removed), files that were
 * not indexed (indexed now, or removed when unreadable), checksum mismatches (deep check only; reported, kept) and
 * temporary files of interrupted writes (removed). Entries name SOP Instance UIDs or archive-relative paths, no PHI.
 */
public record CheckReport(List<String> missingFiles, List<String> unindexedFiles, List<String> checksumMismatches,
                          int temporariesRemoved) {
    public CheckReport {
        missingFiles = List.copyOf(missingFiles);
        unindexedFiles = List.copyOf(unindexedFiles);
        checksumMismatches = List.copyOf(checksumMismatches);
    }

    /** Nothing was out of step (temporaries do not count: they are expected after a kill). */
    public boolean clean() {
        return missingFiles.isEmpty() && unindexedFiles.isEmpty() && checksumMismatches.isEmpty();
    }

    public String describe() {
        return missingFiles.size() + " missing, " + unindexedFiles.size() + " unindexed, "
                + checksumMismatches.size() + " checksum mismatches, " + temporariesRemoved + " temporaries removed";
    }
}
