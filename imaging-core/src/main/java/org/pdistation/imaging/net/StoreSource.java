package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.io.TransferSyntax;

/**
 * One instance to C-STORE: a file as it is ({@link #of(Path)}), or a data set that is not a file as it is, e.g. a header re-encoded in memory (coerced
 * attributes) followed by the byte range of the source file that holds Pixel Data. {@link #open()} streams the data
 * set in {@link #transferSyntaxUid()}, so that pixel data is never loaded for the normal path.
 */
public interface StoreSource {
    /** The source file, for results and messages. */
    Path file();

    String sopClassUid();

    String sopInstanceUid();

    /** The syntax {@link #open()} encodes the data set in (the source file's own). */
    String transferSyntaxUid();

    /** Exact number of bytes {@link #open()} yields. */
    long length() throws IOException;

    /** The data set (no Part 10 header) in {@link #transferSyntaxUid()}. */
    InputStream open() throws IOException;

    /** The whole data set re-encoded in {@code target}, pixel data decompressed: the fallback when refused. */
    byte[] transcoded(TransferSyntax target) throws IOException, FrameException;

    /**
     * Where the data set lies, unchanged, in a file: lets the sender hand the bytes from the file to the socket
     * without copying them through the heap. Null (the default) for a data set assembled on the fly.
     */
    default FileSlice slice() {
        return null;
    }

    /** {@code length} bytes of {@code file} from {@code offset}: a data set exactly as {@link #open()} yields it. */
    record FileSlice(Path file, long offset, long length) {
    }

    /**
     * A file sent as it is: its header is read (not its pixel data) for SOP class and instance, transfer syntax
     * and where the data set begins after the file meta (PS3.10 7.1). IOException with the reason when it cannot.
     */
    static StoreSource of(Path file) throws IOException {
        return StoreInstance.scan(file);
    }
}
