package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
        if (guard == null) {
            guard = Thread.ofVirtual().name("dicom-write-watchdog").start(this::watch);
        }
        writingSince = System.nanoTime() | 1;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            if (fired) {
                throw new SocketTimeoutException("the peer read nothing for " + limit.toMillis()
                        + " ms while we were sending (write timeout); connection closed");
            }
            throw e;
        } finally {
            writingSince = 0;
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
