package org.pdistation.imaging.data;

import java.nio.file.Path;

/**
 * A value left in its file: the reader records where it is instead of loading it (PS3.18 calls the same idea a
 * BulkDataURI). {@code bigEndian} tells the byte order of the stored words, so that a writer can swap them.
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {
    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }

    /** {@code file:} URI with the byte range as a fragment, the form used in dump output. */
    public String uri() {
        return file.toUri() + "#offset=" + offset + ",length=" + length;
    }
}
