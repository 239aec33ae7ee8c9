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
 */
final class WriteWatchdog extends OutputStream {
    private final Socket socket;
    private final OutputStream out;
    private final long limitNanos;
    private final Duration limit;
    /** System.nanoTime() when the write in progress began, 0 when none is. */
    private volatile long writingSince;
    private volatile boolean fired;
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
        long period = Math.clamp(limitNanos / 8, 10_000_000L, 1_000_000_000L);
        try {
            while (!socket.isClosed()) {
                Thread.sleep(Duration.ofNanos(period));
                long since = writingSince;
                if (since != 0 && System.nanoTime() - since > limitNanos) {
                    fired = true;
                    socket.close();
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // closing anyway, or asked to stop
        }
    }
}
