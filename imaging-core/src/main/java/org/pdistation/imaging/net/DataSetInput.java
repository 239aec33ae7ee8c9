package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;

/**
 * The data set bytes of a received message as a stream, which can also move them straight from the network to a
 * channel (a file) as they arrive: over plain TCP no byte of an image passes through the Java heap on the way.
 * A {@link StorageSink} gets one as its {@code InputStream}; {@link #copy} uses the direct path where it can.
 */
public abstract class DataSetInput extends InputStream {

    /**
     * Writes all remaining bytes to {@code out}, each chunk first given to {@code digest} when not null; returns
     * the count. An IOException from {@code out} leaves the association intact (the rest can still be drained by
     * {@link #close()}); one from the network ends the association.
     */
    public abstract long transferTo(WritableByteChannel out, MessageDigest digest) throws IOException;

    /** Copies {@code in} to {@code out} (digesting when {@code digest} is not null): the direct path when it can. */
    public static long copy(InputStream in, WritableByteChannel out, MessageDigest digest) throws IOException {
        if (in instanceof DataSetInput d) {
            return d.transferTo(out, digest);
        }
        byte[] b = new byte[1 << 16];
        ByteBuffer view = ByteBuffer.wrap(b);
        long total = 0;
        int n;
        while ((n = in.read(b)) >= 0) {
            view.clear().limit(n);
            writeChunk(view, out, digest);
            total += n;
        }
        return total;
    }

    /** Digests then writes all of {@code chunk}'s remaining bytes. */
    static void writeChunk(ByteBuffer chunk, WritableByteChannel out, MessageDigest digest) throws IOException {
        if (digest != null) {
            int p = chunk.position();
            digest.update(chunk);
            chunk.position(p);
        }
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }
}
