package org.pdistation.imaging.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The received bytes of an association. Over plain TCP they are read from the socket's channel into one reused
 * direct buffer, and data set bytes go from there to a file without a copy in the Java heap; over TLS (or a socket
 * without a channel) they come from the socket's stream through one reused heap buffer.
 */
abstract sealed class PduInput {

    /** Takes chunks of received bytes: the buffer's remaining bytes are the chunk, to be consumed before returning. */
    @FunctionalInterface
    interface Chunks {
        void accept(ByteBuffer chunk) throws IOException;
    }

    /**
     * @param buffered the stream the association was negotiated through; bytes it already holds come first
     */
    static PduInput of(Socket socket, InputStream buffered, WriteWatchdog watchdog, Duration timeout)
            throws IOException {
        SocketChannel ch = socket instanceof javax.net.ssl.SSLSocket ? null : socket.getChannel();
        PduInput in = ch != null && ch.isBlocking() ? new FromChannel(ch, buffered, watchdog)
                : new FromStream(socket, buffered);
        in.timeout(timeout);
        return in;
    }

    /** Up to {@code len} bytes into {@code b}; -1 at the end of the connection. */
    abstract int read(byte[] b, int off, int len) throws IOException;

    /** Passes exactly {@code n} bytes to {@code sink} in chunks as they arrive; EOFException if the connection ends. */
    abstract void transfer(long n, Chunks sink) throws IOException;

    /** Whether bytes are waiting (read without blocking). */
    abstract boolean available() throws IOException;

    /** Waits up to {@code wait} for a byte without consuming it: false when none came. */
    abstract boolean await(Duration wait) throws IOException;

    /** The longest a read may wait from now on (SocketTimeoutException after). */
    abstract void timeout(Duration limit) throws IOException;

    /** Exactly {@code len} bytes into {@code b}; EOFException naming {@code what} if the connection ends first. */
    final void readFully(byte[] b, int off, int len, String what) throws IOException {
        int done = 0;
        while (done < len) {
            int n = read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException("connection closed after " + done + " of " + len + " bytes of " + what);
            }
            done += n;
        }
    }

    /** Plain TCP: reads straight from the channel into a direct buffer; a watchdog stands in for SO_TIMEOUT. */
    static final class FromChannel extends PduInput {
        /** Larger than the PDUs peers send (storescu: 128 KiB, ours: 256 KiB), so one read often takes a whole PDU. */
        private static final int SIZE = 512 * 1024;
        private final SocketChannel channel;
        private final WriteWatchdog watchdog;
        private final Socket socket;
        /** Kept in read mode: position..limit are the bytes received and not yet consumed. */
        private final ByteBuffer buf = ByteBuffer.allocateDirect(SIZE).flip();
        private long limitNanos;

        FromChannel(SocketChannel channel, InputStream buffered, WriteWatchdog watchdog) throws IOException {
            this.channel = channel;
            this.watchdog = watchdog;
            this.socket = channel.socket();
            // What the negotiation's stream read ahead (a peer may send P-DATA right behind the handshake): exactly
            // the bytes in its buffer. Reading "available()" bytes through it instead could pull more from the
            // socket into a buffer that is then dropped, and the PDU stream would lose its place.
            byte[] ahead = buffered instanceof ReadAheadStream r ? r.takeBuffered()
                    : buffered.readNBytes(Math.min(buffered.available(), SIZE));
            if (ahead.length > SIZE) {
                throw new IOException("more than " + SIZE + " bytes read ahead during negotiation");
            }
            if (ahead.length > 0) {
                buf.clear();
                buf.put(ahead).flip();
            }
        }

        /** Reads more after the unconsumed bytes; false at the end of the connection. */
        private boolean fill() throws IOException {
            buf.compact();
            int n;
            watchdog.beginRead(limitNanos);
            try {
                n = channel.read(buf);
            } finally {
                watchdog.endRead();
                buf.flip();
            }
            if (n < 0 && watchdog.readTimedOut()) {
                throw new SocketTimeoutException("no data within " + limitNanos / 1_000_000 + " ms");
            }
            return n >= 0;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            if (!buf.hasRemaining() && !fill()) {
                return -1;
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        void transfer(long n, Chunks sink) throws IOException {
            long left = n;
            while (left > 0) {
                if (!buf.hasRemaining() && !fill()) {
                    throw new EOFException("connection closed with " + left + " of " + n + " bytes of a PDV to come");
                }
                int k = (int) Math.min(left, buf.remaining());
                int start = buf.position();
                int end = buf.limit();
                buf.limit(start + k);
                try {
                    sink.accept(buf);
                } finally {
                    buf.limit(end).position(start + k);
                }
                left -= k;
            }
        }

        @Override
        boolean available() throws IOException {
            return buf.hasRemaining() || socket.getInputStream().available() > 0;
        }

        @Override
        boolean await(Duration wait) throws IOException {
            if (buf.hasRemaining()) {
                return true;
            }
            // One byte through the socket's stream, which honours SO_TIMEOUT and leaves the association intact
            // when the wait runs out; the byte joins the buffer.
            int saved = socket.getSoTimeout();
            try {
                socket.setSoTimeout(Association.millis(wait));
                int b = socket.getInputStream().read();
                if (b >= 0) {
                    buf.clear();
                    buf.put((byte) b).flip();
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(saved);
                }
            }
        }

        @Override
        void timeout(Duration limit) throws IOException {
            limitNanos = limit.toNanos();
            socket.setSoTimeout(Association.millis(limit));
        }
    }

    /** TLS, or a socket without a channel: the stream, with SO_TIMEOUT, through one reused heap buffer. */
    static final class FromStream extends PduInput {
        private final Socket socket;
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private final ByteBuffer view = ByteBuffer.wrap(chunk);

        FromStream(Socket socket, InputStream in) {
            this.socket = socket;
            this.in = in;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        void transfer(long n, Chunks sink) throws IOException {
            long left = n;
            while (left > 0) {
                int got = in.read(chunk, 0, (int) Math.min(left, chunk.length));
                if (got < 0) {
                    throw new EOFException("connection closed with " + left + " of " + n + " bytes of a PDV to come");
                }
                view.clear().limit(got);
                sink.accept(view);
                left -= got;
            }
        }

        @Override
        boolean available() throws IOException {
            return in.available() > 0;
        }

        @Override
        boolean await(Duration wait) throws IOException {
            int saved = socket.getSoTimeout();
            try {
                socket.setSoTimeout(Association.millis(wait));
                in.mark(1);
                in.read();
                in.reset();
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(saved);
                }
            }
        }

        @Override
        void timeout(Duration limit) throws IOException {
            socket.setSoTimeout(Association.millis(limit));
        }
    }
}
