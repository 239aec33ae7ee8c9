package org.pdistation.creator.plan;

import java.nio.file.Path;

/** An input that was left out, and why (unreadable, not DICOM, missing UIDs, duplicate). */
public record SelectionProblem(Path file, String message) {
    @Override
    public String toString() {
        return file + ": " + message;
    }
}
