package org.pdistation.imaging.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

import org.pdistation.imaging.net.pdu.Pdu;

/**
 * The sending half of an association's data transfer (PS3.8 9.3.5, E.2): message bytes cut into P-DATA-TF PDUs of
 * one PDV each, none larger than the peer accepts, from memory, a stream or a file. It reports failures by throwing;
 * what a failure does to the association is {@link Association}'s decision.
 */
final class PdvWriter {
    /** Bytes of P-DATA-TF header (6) plus PDV item header (4 length, 1 context id, 1 control header). */
    static final int PDATA_OVERHEAD = 12;
    /** Used when the peer announces 0 (no limit, PS3.8 D.1). */
    private static final int UNLIMITED_CHUNK = 1 << 20;

    /** Throws when the association has ended: checked before every PDU. */
    @FunctionalInterface
    interface OpenCheck {
        void checkOpen() throws IOException;
    }

    private final WriteWatchdog out;
    /** The socket's channel where it has one and speaks plain TCP: file bytes go to it without a heap copy. */
    private final SocketChannel channel;
    private final OpenCheck open;
    private final byte[] sendBuf;
    /** sendBuf as a buffer for file reads (made once: no allocation per PDU). */
    private final ByteBuffer sendView;
    /** On a virtual thread with a channel: whole PDUs read and written without a heap copy; made when needed. */
    private ByteBuffer directBuf;

    /**
     * @param peerMax the maximum length the peer receives (PS3.8 D.1), 0 for no limit
     */
    PdvWriter(WriteWatchdog out, SocketChannel channel, long peerMax, OpenCheck open) {
        this.out = out;
        this.channel = channel;
        this.open = open;
        int chunk = peerMax <= 0 || peerMax > UNLIMITED_CHUNK ? UNLIMITED_CHUNK : (int) peerMax;
        // PS3.8 9.3.5: the max length bounds the PDV items of a P-DATA-TF, i.e. the PDU minus its 6-byte header.
        this.sendBuf = new byte[Math.max(chunk, 64) + 6];
        this.sendView = ByteBuffer.wrap(sendBuf);
    }

    /** {@code len} bytes of {@code data} from {@code off} as command or data PDVs, the last one marked last. */
    void sendBytes(int contextId, boolean command, byte[] data, int off, int len) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        int done = 0;
        do {
            int n = Math.min(room, len - done);
            System.arraycopy(data, off + done, sendBuf, PDATA_OVERHEAD, n);
            done += n;
            writePdu(contextId, command, done == len, n);
        } while (done < len);
    }

    /**
     * {@code length} bytes of a file from {@code position} as data PDVs. Over plain TCP on a platform thread each
     * PDV's bytes go from the file to the socket by {@link FileChannel#transferTo} (sendfile: no copy in user
     * space); on a virtual thread through a direct buffer (no heap copy); over TLS they are read into the send
     * buffer and written through the TLS stream. EOFException when the file is shorter.
     */
    void sendFile(int contextId, FileChannel file, long position, long length) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        long sent = 0;
        if (channel != null && position + length > file.size()) {
            throw new EOFException("file ends at " + file.size() + ", before the data set's end at "
                    + (position + length));
        }
        do {
            int n = (int) Math.min(room, length - sent);
            long at = position + sent;
            sent += n;
            if (channel != null && !Thread.currentThread().isVirtual()) {
                writePduHeader(contextId, false, sent == length, n);
                long done = out.transfer(file, at, n, channel);
                if (done < n) {
                    // The channel took nothing more (e.g. it is non-blocking): the rest through the buffer.
                    readFully(file, at + done, (int) (n - done), sendView);
                    out.write(sendBuf, PDATA_OVERHEAD, (int) (n - done));
                }
            } else if (channel != null) {
                // A virtual thread's socket is non-blocking underneath (sendfile would return at once): the
                // PDU is read into a direct buffer and written by the channel, which parks the thread.
                if (directBuf == null) {
                    directBuf = ByteBuffer.allocateDirect(sendBuf.length);
                }
                readFully(file, at, n, directBuf);
                putPduHeader(contextId, false, sent == length, n);
                directBuf.put(0, sendBuf, 0, PDATA_OVERHEAD).position(0);
                out.write(directBuf, channel);
            } else {
                readFully(file, at, n, sendView);
                writePdu(contextId, false, sent == length, n);
            }
        } while (sent < length);
    }

    /**
     * Exactly {@code length} bytes of {@code in} as data PDVs, one chunk at a time (a data set assembled from
     * parts is never held whole); EOFException when the stream ends early.
     */
    void sendStream(int contextId, InputStream in, long length) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        long sent = 0;
        do {
            int n = (int) Math.min(room, length - sent);
            int got = in.readNBytes(sendBuf, PDATA_OVERHEAD, n);
            if (got < n) {
                throw new EOFException("data ended " + (length - sent - got) + " bytes early after " + (sent + got)
                        + " of " + length + " bytes");
            }
            sent += n;
            writePdu(contextId, false, sent == length, n);
        } while (sent < length);
    }

    /** Fills {@code buf} after the PDU header with {@code n} bytes of {@code file} from {@code at}. */
    private static void readFully(FileChannel file, long at, int n, ByteBuffer buf) throws IOException {
        buf.clear().position(PDATA_OVERHEAD).limit(PDATA_OVERHEAD + n);
        while (buf.hasRemaining()) {
            long where = at + buf.position() - PDATA_OVERHEAD;
            if (file.read(buf, where) < 0) {
                throw new EOFException("file ended " + buf.remaining() + " bytes early at offset " + where);
            }
        }
    }

    /** PS3.8 9.3.5 and E.2: one P-DATA-TF with one PDV of {@code n} bytes already in sendBuf. */
    private void writePdu(int contextId, boolean command, boolean last, int n) throws IOException {
        open.checkOpen();
        putPduHeader(contextId, command, last, n);
        out.write(sendBuf, 0, n + PDATA_OVERHEAD);
    }

    /** Only the P-DATA-TF and PDV headers of a PDV of {@code n} bytes that the caller sends next. */
    private void writePduHeader(int contextId, boolean command, boolean last, int n) throws IOException {
        open.checkOpen();
        putPduHeader(contextId, command, last, n);
        out.write(sendBuf, 0, PDATA_OVERHEAD);
    }

    private void putPduHeader(int contextId, boolean command, boolean last, int n) {
        byte[] b = sendBuf;
        b[0] = Pdu.P_DATA_TF;
        b[1] = 0;
        putInt(b, 2, n + 6);
        putInt(b, 6, n + 2);
        b[10] = (byte) contextId;
        b[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
