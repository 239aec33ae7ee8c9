package org.pdistation.imaging.io;

import java.io.IOException;
import java.nio.file.Path;

/** A stream that cannot be read on: names the file, the byte offset and the element being read. */
public class DicomParseException extends IOException {
    private final transient Path file;
    private final long offset;
    private final int tag;

    public DicomParseException(Path file, long offset, int tag, String message) {
        this(file, offset, tag, message, null);
    }

    public DicomParseException(Path file, long offset, int tag, String message, Throwable cause) {
        super(ReadProblem.describe(file, offset, tag, message), cause);
        this.file = file;
        this.offset = offset;
        this.tag = tag;
    }

    public Path file() { return file; }

    /** Byte offset in the file (for deflated data: in the inflated stream after the file meta). */
    public long offset() { return offset; }

    /** The element being read, or -1 when none. */
    public int tag() { return tag; }

    /** The bare message, without location. */
    public String reason() {
        String m = getMessage();
        int i = m.indexOf(": ", m.indexOf("offset"));
        return i < 0 ? m : m.substring(i + 2);
    }
}
