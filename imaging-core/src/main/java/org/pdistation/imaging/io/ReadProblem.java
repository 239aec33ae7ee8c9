package org.pdistation.imaging.io;

import java.nio.file.Path;

import org.pdistation.imaging.data.Tag;

/**
 * Something the reader tolerated (a warning) or that ended reading early (an error), with where it happened.
 */
public record ReadProblem(Severity severity, long offset, int tag, String message) {
    public enum Severity { WARNING, ERROR }

    public static ReadProblem warning(long offset, int tag, String message) {
        return new ReadProblem(Severity.WARNING, offset, tag, message);
    }

    public static ReadProblem error(long offset, int tag, String message) {
        return new ReadProblem(Severity.ERROR, offset, tag, message);
    }

    public String describe(Path file) {
        return severity.name().toLowerCase() + ": " + describe(file, offset, tag, message);
    }

    static String describe(Path file, long offset, int tag, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        sb.append("offset ").append(offset);
        if (tag != -1) {
            sb.append(", tag ").append(Tag.toString(tag));
        }
        return sb.append(": ").append(message).toString();
    }
}
