package org.pdistation.creator.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A conformance check of a written medium (e.g. imaging-core's MediaVerifier); no errors means it passes. */
@FunctionalInterface
public interface MediumCheck {
    List<String> errors(Path root) throws IOException;
}
