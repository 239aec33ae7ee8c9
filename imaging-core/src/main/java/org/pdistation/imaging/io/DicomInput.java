package org.pdistation.imaging.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.pdistation.imaging.data.ByteUtils;

/**
 * A buffered byte source that knows its position, and for files its length, so that the reader can report offsets,
 * refuse lengths that run past the end, and skip bulk data by seeking instead of reading.
 */
final class DicomInput {
    private static final int BUFFER = 16 * 1024;
    /** Values from streams of unknown length are read in chunks of this size, so a bogus length cannot exhaust memory. */
    private static final int CHUNK = 1 << 20;

    private final SeekableByteChannel channel;
    private final InputStream stream;
    private final long length;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Stream position of buf[0]. */
    private long base;

    private DicomInput(SeekableByteChannel channel, InputStream stream, long length, int bufferSize) {
        this.channel = channel;
        this.stream = stream;
        this.length = length;
        this.buf = new byte[bufferSize];
    }

    static DicomInput of(SeekableByteChannel channel) throws IOException {
        return new DicomInput(channel, null, channel.size(), BUFFER);
    }

    /** A stream of unknown length; {@code startPosition} is what {@link #position()} reports at its first byte. */
    static DicomInput of(InputStream stream, long startPosition) {
        // Bytes already in memory (a command set of ~150 bytes) need no 16 KiB buffer; 256 covers a Part 10 preamble.
        int size = stream instanceof java.io.ByteArrayInputStream b ? Math.clamp(b.available(), 256, BUFFER) : BUFFER;
        DicomInput in = new DicomInput(null, stream, -1, size);
        in.base = startPosition;
        return in;
    }

    long position() { return base + pos; }

    /** Total length when known (files), else -1. */
    long length() { return length; }

    /** Bytes left when the length is known, else {@link Long#MAX_VALUE}. */
    long remaining() { return length < 0 ? Long.MAX_VALUE : length - position(); }

    boolean isFile() { return channel != null; }

    /** Tries to have {@code n} bytes buffered; returns how many are (less only at end of stream). */
    int request(int n) throws IOException {
        if (limit - pos >= n) {
            return n;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = fill(buf, limit, buf.length - limit);
            if (r <= 0) {
                break;
            }
            limit += r;
        }
        return Math.min(n, limit);
    }

    private int fill(byte[] dst, int off, int len) throws IOException {
        if (channel != null) {
            return ChannelReads.read(channel, ByteBuffer.wrap(dst, off, len), base + limit);
        }
        return stream.read(dst, off, len);
    }

    /** The buffer, valid from {@link #bufferPosition()} for as many bytes as the last {@link #request} gave. */
    byte[] buffer() { return buf; }

    int bufferPosition() { return pos; }

    void advance(int n) { pos += n; }

    int u16(boolean be) throws IOException {
        need(2);
        int v = ByteUtils.u16(buf, pos, be);
        pos += 2;
        return v;
    }

    int s32(boolean be) throws IOException {
        need(4);
        int v = ByteUtils.s32(buf, pos, be);
        pos += 4;
        return v;
    }

    private void need(int n) throws IOException {
        if (request(n) < n) {
            throw new EOFException("end of data at offset " + (position() + (limit - pos)));
        }
    }

    /** Reads exactly {@code len} bytes; for streams of unknown length, grows the array as data arrives. */
    byte[] readBytes(long len) throws IOException {
        if (len > remaining()) {
            throw new EOFException("value of " + len + " bytes runs past the end (" + remaining() + " left)");
        }
        if (len > Integer.MAX_VALUE - 16) {
            // A stream of unknown length: find out whether the data is really there (a bogus length usually is
            // not) without allocating it, so that the reader can say "truncated" rather than "too large".
            long start = position();
            try {
                skip(len);
            } catch (EOFException e) {
                throw new EOFException("value of " + len + " bytes runs past the end of the data");
            }
            throw new ValueTooLargeException(start, "value of " + len + " bytes is too large to hold in memory");
        }
        int n = (int) len;
        if (length >= 0 || n <= CHUNK) {
            byte[] out = new byte[n];
            readFully(out, 0, n);
            return out;
        }
        byte[] out = new byte[CHUNK];
        int got = 0;
        while (got < n) {
            if (got == out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int step = Math.min(out.length - got, n - got);
            readFully(out, got, step);
            got += step;
        }
        return out;
    }

    void readFully(byte[] dst, int off, int len) throws IOException {
        int inBuf = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, dst, off, inBuf);
        pos += inBuf;
        int done = inBuf;
        while (done < len) {
            // Large values go straight into the destination, bypassing the buffer.
            base += limit;
            pos = 0;
            limit = 0;
            int r = fill(dst, off + done, len - done);
            if (r <= 0) {
                throw new EOFException("end of data at offset " + position() + " with " + (len - done) + " bytes missing");
            }
            done += r;
            base += r;
        }
    }

    void skip(long n) throws IOException {
        if (n > remaining()) {
            throw new EOFException("skip of " + n + " bytes runs past the end (" + remaining() + " left)");
        }
        long inBuf = Math.min(n, limit - pos);
        pos += (int) inBuf;
        long left = n - inBuf;
        if (left == 0) {
            return;
        }
        base += limit + left;
        pos = 0;
        limit = 0;
        if (channel == null) {
            long todo = left;
            while (todo > 0) {
                long s = stream.skip(todo);
                if (s <= 0) {
                    if (stream.read() < 0) {
                        base -= todo;
                        throw new EOFException("end of data while skipping, " + todo + " bytes missing");
                    }
                    s = 1;
                }
                todo -= s;
            }
        }
    }

    /** A value that exists but cannot be held in one array; the reader turns it into a located problem. */
    static final class ValueTooLargeException extends IOException {
        final long offset;

        ValueTooLargeException(long offset, String message) {
            super(message);
            this.offset = offset;
        }
    }
}
