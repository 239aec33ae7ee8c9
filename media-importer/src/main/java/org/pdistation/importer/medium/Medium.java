package org.pdistation.importer.medium;

import java.nio.file.Path;
import java.util.List;

/**
 * A medium as opened: where it is, which DICOMDIR was used (null when scanned), what may be an instance, and what
 * was wrong at the file-set level. Holds only small records; headers are read later, one file at a time.
 */
public record Medium(Path root, Path dicomdir, String description, List<Candidate> candidates, List<String> problems) {
    public Medium {
        candidates = List.copyOf(candidates);
        problems = List.copyOf(problems);
    }
}
