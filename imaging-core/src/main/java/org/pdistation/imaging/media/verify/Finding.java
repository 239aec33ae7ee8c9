package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.data.Tag;

/**
 * One problem found on a medium.
 *
 * @param rule      the requirement number in PDI-REQUIREMENTS.md (1-26)
 * @param severity  ERROR, WARNING or INFO
 * @param path      the file concerned, relative to the medium root with '/' separators ("" for the root itself)
 * @param offset    byte offset of the directory record or element concerned, or -1
 * @param tag       the attribute concerned, or null
 * @param message   what is wrong, with expected and found values; never a patient name or ID
 * @param kind      which fault of the rule this is, for programs (the message is for people)
 * @param file      the file the person should look for, relative to the root with '/' separators: the referenced
 *                  file for a DICOMDIR reference that is missing or misnamed, else {@code path}
 */
public record Finding(int rule, Severity severity, String path, long offset, Integer tag, String message,
                      FindingKind kind, String file) {
    public Finding {
        if (kind == null) kind = FindingKind.general(rule);
        if (file == null) file = path;
    }

    /** A finding of its rule's general kind, about {@code path} itself. */
    public Finding(int rule, Severity severity, String path, long offset, Integer tag, String message) {
        this(rule, severity, path, offset, tag, message, null, null);
    }

    /** One line: {@code ERROR  R16  DICOMDIR @1234 (0004,1400): message}. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format("%-6s %-4s ", severity.name(), "R" + rule));
        sb.append(path.isEmpty() ? "/" : path);
        if (offset >= 0) {
            sb.append(" @").append(offset);
        }
        if (tag != null) {
            sb.append(' ').append(Tag.toString(tag));
        }
        return sb.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
