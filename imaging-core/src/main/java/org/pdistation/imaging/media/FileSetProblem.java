package org.pdistation.imaging.media;

import java.nio.file.Path;

/**
 * Something wrong with a file-set: a DICOMDIR record, a referenced file, or a file found on the medium.
 *
 * @param severity  WARNING (tolerated) or ERROR (something was skipped or refused)
 * @param file      the file concerned (the DICOMDIR or an instance), or null
 * @param offset    byte offset of the directory record concerned, or -1
 * @param message   what is wrong; never contains patient names or IDs
 */
public record FileSetProblem(Severity severity, Path file, long offset, String message) {
    public enum Severity { WARNING, ERROR }

    public static FileSetProblem warning(Path file, long offset, String message) {
        return new FileSetProblem(Severity.WARNING, file, offset, message);
    }

    public static FileSetProblem error(Path file, long offset, String message) {
        return new FileSetProblem(Severity.ERROR, file, offset, message);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(severity.name().toLowerCase()).append(": ");
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (offset >= 0) {
            sb.append("record at offset ").append(offset).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
