package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The data set that follows a command on an association (PS3.7 6.3.1), as a stream of its bytes across PDVs
 * (PS3.8 9.3.5): it ends after the PDV marked last. Reading past a protocol error throws and aborts the
 * association; closing drains what is left so that the association stays in step.
 */
final class PdvDataStream extends DataSetInput {
    private final Association association;
    private final PdvReader reader;
    private final byte[] one = new byte[1];
    private boolean started;
    private int contextId = -1;

    PdvDataStream(Association association, PdvReader reader) {
        this.association = association;
        this.reader = reader;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!started || reader.remaining() == 0) {
            if (started && reader.last()) {
                return -1;
            }
            nextFragment();
        }
        return association.received(() -> reader.read(b, off, len));
    }

    /**
     * Writes each received chunk to {@code sink} in one call: no intermediate buffer, and writes as large as
     * the chunks that arrive (a C-STORE SCP writing a file otherwise pays one system call per 16 KiB).
     */
    @Override
    public long transferTo(OutputStream sink) throws IOException {
        byte[] copy = new byte[1 << 16];
        return transfer(chunk -> {
            while (chunk.hasRemaining()) {
                int n = Math.min(copy.length, chunk.remaining());
                chunk.get(copy, 0, n);
                sink.write(copy, 0, n);
            }
        });
    }

    @Override
    public long transferTo(java.nio.channels.WritableByteChannel sink, java.security.MessageDigest digest)
            throws IOException {
        return transfer(chunk -> DataSetInput.writeChunk(chunk, sink, digest));
    }

    /** Every remaining byte of the data set to {@code sink}; the sink's own IOExceptions pass unchanged. */
    private long transfer(PduInput.Chunks sink) throws IOException {
        long total = 0;
        IOException[] local = new IOException[1];
        PduInput.Chunks guarded = chunk -> {
            try {
                sink.accept(chunk);
            } catch (IOException e) {
                local[0] = e;
                throw e;
            }
        };
        while (true) {
            if (started && reader.remaining() > 0) {
                long n = reader.remaining();
                try {
                    association.received(() -> {
                        reader.transfer(guarded);
                        return 0;
                    });
                } catch (IOException e) {
                    if (local[0] != null) {
                        throw local[0];
                    }
                    throw e;
                }
                total += n;
            }
            if (started && reader.last()) {
                return total;
            }
            nextFragment();
        }
    }

    /** PS3.8 9.3.5: the next PDV of this data set, on the same context, not a command. */
    private void nextFragment() throws IOException {
        association.nextPdv(false);
        if (reader.command()) {
            throw association.protocolError("command PDV in the middle of a data set");
        }
        if (contextId >= 0 && reader.contextId() != contextId) {
            throw association.protocolError("data fragments on contexts " + contextId + " and " + reader.contextId());
        }
        contextId = reader.contextId();
        started = true;
    }

    @Override
    public void close() throws IOException {
        // Drain the rest so that the association stays in step.
        while (association.isOpen() && !(started && reader.last() && reader.remaining() == 0)) {
            if (started && reader.remaining() > 0) {
                association.received(() -> {
                    reader.skip();
                    return 0;
                });
            } else {
                nextFragment();
            }
        }
    }
}
