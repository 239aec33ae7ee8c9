package org.pdistation.imaging.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.pdistation.imaging.data.BulkData;

/** Loads a value the reader left in its file ({@link BulkData}), whole or in chunks. */
public final class BulkDataLoader {
    /** Chunk size: a multiple of 3 (base64 groups) and of 8 (the widest word to byte-swap). */
    public static final int CHUNK = 3 * 8 * 2048;

    private BulkDataLoader() {}

    /** Receives consecutive chunks of a value; the array is reused between calls. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(byte[] chunk, int length) throws IOException;
    }

    /** The whole value as stored (in the file's byte order). */
    public static byte[] load(BulkData bulk) throws IOException {
        if (bulk.length() > Integer.MAX_VALUE - 8) {
            throw new IOException(bulk.file() + ": offset " + bulk.offset() + ": value of " + bulk.length()
                    + " bytes is too large to load into memory");
        }
        byte[] out = new byte[(int) bulk.length()];
        int[] at = {0};
        stream(bulk, (chunk, n) -> {
            System.arraycopy(chunk, 0, out, at[0], n);
            at[0] += n;
        });
        return out;
    }

    /** Passes the value to {@code consumer} in chunks of {@link #CHUNK} bytes (the last may be shorter). */
    public static void stream(BulkData bulk, ChunkConsumer consumer) throws IOException {
        try (SeekableByteChannel ch = ChannelReads.open(bulk.file())) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(bulk.length(), 1))];
            ByteBuffer buf = ByteBuffer.wrap(chunk);
            long pos = bulk.offset();
            long left = bulk.length();
            while (left > 0) {
                int want = (int) Math.min(chunk.length, left);
                buf.clear().limit(want);
                while (buf.hasRemaining()) {
                    int n = ChannelReads.read(ch, buf, pos + buf.position());
                    if (n < 0) {
                        throw new EOFException(bulk.file() + ": offset " + (pos + buf.position())
                                + ": file ends inside a bulk data value");
                    }
                }
                consumer.accept(chunk, want);
                pos += want;
                left -= want;
            }
        }
    }
}
