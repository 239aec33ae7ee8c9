package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A write timeout for a socket, which Java sockets lack: a write blocked longer than the limit (the peer stopped
 * reading, its window stays shut) closes the socket, which makes the blocked write fail; the writer then gets a
 * {@link SocketTimeoutException} saying why. A virtual thread checks while the socket is open.
 *
 * <p>It also times reads made straight from the socket's channel (which, unlike the socket's stream, ignore
 * SO_TIMEOUT): a read blocked longer than its limit shuts the input down, so the read ends at once while the output
 * still works for the A-ABORT that follows ({@link #readTimedOut()} then says why the input ended).
 */
final class WriteWatchdog extends OutputStream {
    private final Socket socket;
    private final OutputStream out;
    private final long limitNanos;
    private final Duration limit;
    /** System.nanoTime() when the write in progress began, 0 when none is. */
    private volatile long writingSince;
    private volatile boolean fired;
    /** System.nanoTime() when the channel read in progress began, 0 when none is. */
    private volatile long readingSince;
    private volatile long readLimitNanos = Long.MAX_VALUE;
    private volatile boolean readFired;
    private Thread guard;

    WriteWatchdog(Socket socket, OutputStream out, Duration limit) {
        this.socket = socket;
        this.out = out;
        this.limit = limit;
        this.limitNanos = limit.toNanos();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        startGuard();
        writingSince = System.nanoTime() | 1;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw fired ? timeout() : e;
        } finally {
            writingSince = 0;
        }
    }

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position} to {@code socketChannel}, under the same
     * limit; returns how many were sent, fewer only when the channel took none (the caller sends the rest).
     */
    long transfer(FileChannel file, long position, long count, WritableByteChannel socketChannel) throws IOException {
        startGuard();
        writingSince = System.nanoTime() | 1;
        long done = 0;
        try {
            while (done < count) {
                long n = file.transferTo(position + done, count - done, socketChannel);
                if (n <= 0) {
                    if (position + done >= file.size()) {
                        throw new java.io.EOFException("file ended at offset " + (position + done)
                                + " while sending");
                    }
                    return done;
                }
                done += n;
            }
            return done;
        } catch (IOException e) {
            throw fired ? timeout() : e;
        } finally {
            writingSince = 0;
        }
    }

    /** Writes all of {@code buf} to {@code socketChannel} under the same limit. */
    void write(java.nio.ByteBuffer buf, WritableByteChannel socketChannel) throws IOException {
        startGuard();
        writingSince = System.nanoTime() | 1;
        try {
            while (buf.hasRemaining()) {
                socketChannel.write(buf);
            }
        } catch (IOException e) {
            throw fired ? timeout() : e;
        } finally {
            writingSince = 0;
        }
    }

    /** A channel read begins that may block at most {@code limitNanos}; {@link #endRead()} follows it. */
    void beginRead(long limitNanos) {
        readLimitNanos = limitNanos;
        startGuard();
        readingSince = System.nanoTime() | 1;
    }

    void endRead() {
        readingSince = 0;
    }

    /** Whether the input was shut down because a read went past its limit. */
    boolean readTimedOut() {
        return readFired;
    }

    private SocketTimeoutException timeout() {
        return new SocketTimeoutException("the peer read nothing for " + limit.toMillis()
                + " ms while we were sending (write timeout); connection closed");
    }

    private void startGuard() {
        if (guard == null) {
            guard = Thread.ofVirtual().name("dicom-write-watchdog").start(this::watch);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void watch() {
        try {
            while (!socket.isClosed()) {
                long period = Math.clamp(Math.min(limitNanos, readLimitNanos) / 8, 10_000_000L, 1_000_000_000L);
                Thread.sleep(Duration.ofNanos(period));
                long since = writingSince;
                if (since != 0 && System.nanoTime() - since > limitNanos) {
                    fired = true;
                    socket.close();
                    return;
                }
                long reading = readingSince;
                if (reading != 0 && !readFired && System.nanoTime() - reading > readLimitNanos) {
                    readFired = true;
                    // Wakes the blocked read with end-of-stream; the output stays open for an A-ABORT.
                    socket.shutdownInput();
                }
            }
        } catch (InterruptedException | IOException e) {
            // closing anyway, or asked to stop
        }
    }
}
