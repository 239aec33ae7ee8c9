package org.pdistation.creator.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A conformance check of a written medium (e.g. imaging-core's MediaVerifier); no errors means it passes. */
@FunctionalInterface
public interface MediumCheck {
    List<String> errors(Path root) throws IOException;

    /** Errors fail the medium; warnings go into the report. By default a check has errors only. */
    default Outcome check(Path root) throws IOException {
        return new Outcome(errors(root), List.of());
    }

    record Outcome(List<String> errors, List<String> warnings) {
        public Outcome {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }
}
