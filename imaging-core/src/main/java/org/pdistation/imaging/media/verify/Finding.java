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
 */
public record Finding(int rule, Severity severity, String path, long offset, Integer tag, String message) {
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
