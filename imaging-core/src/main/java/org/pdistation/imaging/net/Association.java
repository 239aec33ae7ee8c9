package org.pdistation.imaging.net;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.dimse.CommandCodec;
import org.pdistation.imaging.net.pdu.Abort;
import org.pdistation.imaging.net.pdu.AssociateAc;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextAc;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PduException;
import org.pdistation.imaging.net.pdu.PduReader;
import org.pdistation.imaging.net.pdu.PduWriter;
import org.pdistation.imaging.net.pdu.ReleaseRp;
import org.pdistation.imaging.net.pdu.ReleaseRq;

/**
 * One established DICOM association (PS3.8) over a socket, for one thread: sends and receives DIMSE messages as a
 * command set plus a data set stream, fragmenting into P-DATA-TF PDUs no larger than the peer accepts.
 *
 * <p>Any protocol error, timeout or broken connection aborts the association (A-ABORT sent when the socket still
 * works) and closes the socket, so a caller never has to clean up after an exception.
 */
public final class Association implements Closeable {
    /** Bytes of P-DATA-TF header (6) plus PDV item header (4 length, 1 context id, 1 control header). */
    private static final int PDATA_OVERHEAD = 12;
    /** Used when the peer announces 0 (no limit, PS3.8 D.1). */
    private static final int UNLIMITED_CHUNK = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final WriteWatchdog out;
    /** The socket's channel where it has one and speaks plain TCP: file bytes go to it without a heap copy. */
    private final SocketChannel channel;
    /** Received PDUs, PDV by PDV (PS3.8 9.3.5), straight from the channel over plain TCP. */
    private final PdvReader reader;
    private final PduInput input;
    private final NetOptions options;
    private final AssociateRq request;
    private final AssociateAc accept;
    private final Map<Integer, PresentationContext> contexts;
    private final byte[] sendBuf;
    /** sendBuf as a buffer for file reads (made once: no allocation per PDU). */
    private final ByteBuffer sendView;
    /** On a virtual thread with a channel: whole PDUs read and written without a heap copy; made when needed. */
    private ByteBuffer directBuf;
    private int nextMessageId = 1;
    private boolean closed;

    private Association(Socket socket, InputStream in, NetOptions options, AssociateRq request, AssociateAc accept,
                        boolean requestor) throws IOException {
        this.socket = socket;
        this.in = in;
        // Java sockets have no write timeout: the watchdog gives writes the same limit as reads (NetOptions).
        this.out = new WriteWatchdog(socket, socket.getOutputStream(), options.readTimeout());
        this.channel = socket instanceof javax.net.ssl.SSLSocket ? null : socket.getChannel();
        this.input = PduInput.of(socket, in, out, options.readTimeout());
        this.reader = new PdvReader(input, options.maxPduLength());
        this.options = options;
        this.request = request;
        this.accept = accept;
        Map<Integer, PresentationContext> map = new LinkedHashMap<>();
        for (PresentationContextAc ac : accept.presentationContexts()) {
            if (!ac.accepted()) {
                continue;
            }
            for (PresentationContextRq rq : request.presentationContexts()) {
                if (rq.id() == ac.id()) {
                    map.put(ac.id(), new PresentationContext(ac.id(), rq.abstractSyntax(), ac.transferSyntax()));
                    break;
                }
            }
        }
        this.contexts = Collections.unmodifiableMap(map);
        long peerMax = requestor ? accept.userInfo().maxPduLength() : request.userInfo().maxPduLength();
        int chunk = peerMax <= 0 || peerMax > UNLIMITED_CHUNK ? UNLIMITED_CHUNK : (int) peerMax;
        // PS3.8 9.3.5: the max length bounds the PDV items of a P-DATA-TF, i.e. the PDU minus its 6-byte header.
        this.sendBuf = new byte[Math.max(chunk, 64) + 6];
        this.sendView = ByteBuffer.wrap(sendBuf);
    }

    // ------------------------------------------------------------------ establishing

    /**
     * Opens a TCP connection (TCP_NODELAY) and negotiates: the returned association has the contexts the peer
     * accepted. Throws {@link AssociationRejectedException} on A-ASSOCIATE-RJ.
     */
    public static Association connect(String host, int port, AssociateRq request, NetOptions options)
            throws IOException {
        return connect(SocketFactory.getDefault(), host, port, request, options);
    }

    /** As {@link #connect(String, int, AssociateRq, NetOptions)} with a socket factory (e.g. TLS). */
    public static Association connect(SocketFactory factory, String host, int port, AssociateRq request,
                                      NetOptions options) throws IOException {
        // A plain socket is made from a SocketChannel so that file data can be sent with FileChannel.transferTo
        // (sendfile); other factories (TLS) keep their own sockets and the stream path.
        Socket s = factory == SocketFactory.getDefault() ? SocketChannel.open().socket() : factory.createSocket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), millis(options.connectTimeout()));
            s.setSoTimeout(millis(options.artimTimeout()));
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            s.getOutputStream().write(PduWriter.encode(request));
            Pdu answer;
            try {
                answer = new PduReader(in, options.maxPduLength()).read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no A-ASSOCIATE-AC/RJ from " + host + ":" + port + " within ARTIM timeout "
                        + options.artimTimeout().toSeconds() + " s");
            }
            switch (answer) {
                case AssociateAc ac -> {
                    s.setSoTimeout(millis(options.readTimeout()));
                    return new Association(s, in, options, request, ac, true);
                }
                case AssociateRj rj -> throw new AssociationRejectedException(rj);
                case Abort a -> throw new AssociationAbortedException("association request answered by "
                        + a.describe());
                default -> {
                    sendQuietly(s, Abort.provider(Abort.UNEXPECTED_PDU));
                    throw new AssociationAbortedException("unexpected " + answer.getClass().getSimpleName()
                            + " in answer to A-ASSOCIATE-RQ");
                }
            }
        } catch (PduException e) {
            sendQuietly(s, Abort.provider(e.abortReason()));
            closeQuietly(s);
            throw e;
        } catch (javax.net.ssl.SSLException e) {
            closeQuietly(s);
            // PS3.15 B.1: the TLS handshake precedes the association; say so rather than "connection reset".
            throw new javax.net.ssl.SSLException("TLS handshake with " + host + ":" + port + " failed: "
                    + e.getMessage(), e);
        } catch (java.net.SocketException | java.io.EOFException e) {
            closeQuietly(s);
            if (s instanceof javax.net.ssl.SSLSocket) {
                // TLS 1.3 (RFC 8446 4.4.2): the server checks our certificate after our side has finished the
                // handshake, so a refusal arrives as a closed connection on the first write or read.
                throw new javax.net.ssl.SSLException("TLS handshake with " + host + ":" + port
                        + " failed: the peer closed the connection (did it refuse our certificate?): "
                        + e.getMessage(), e);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /**
     * Acceptor side: reads the A-ASSOCIATE-RQ within the ARTIM timeout, asks {@code acceptor}, sends its answer.
     * Returns the association, or null when it was rejected (the socket is then closed).
     */
    public static Association accept(Socket s, NetOptions options, AssociationAcceptor acceptor) throws IOException {
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(millis(options.artimTimeout()));
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            Pdu first;
            try {
                first = new PduReader(in, options.maxPduLength()).read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no A-ASSOCIATE-RQ from " + s.getRemoteSocketAddress()
                        + " within ARTIM timeout " + options.artimTimeout().toSeconds() + " s");
            }
            if (!(first instanceof AssociateRq rq)) {
                sendQuietly(s, Abort.provider(Abort.UNEXPECTED_PDU));
                throw new AssociationAbortedException("expected A-ASSOCIATE-RQ, got "
                        + first.getClass().getSimpleName());
            }
            Pdu answer = acceptor.negotiate(rq);
            s.getOutputStream().write(PduWriter.encode(answer));
            if (answer instanceof AssociateAc ac) {
                s.setSoTimeout(millis(options.readTimeout()));
                return new Association(s, in, options, rq, ac, false);
            }
            // PS3.8 9.2.3 (AE-8): after A-ASSOCIATE-RJ the acceptor waits for the requestor to close; we close.
            closeQuietly(s);
            return null;
        } catch (PduException e) {
            sendQuietly(s, Abort.provider(e.abortReason()));
            closeQuietly(s);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    // ------------------------------------------------------------------ accessors

    public AssociateRq request() {
        return request;
    }

    public AssociateAc acceptance() {
        return accept;
    }

    /** The accepted presentation contexts by id. */
    public Map<Integer, PresentationContext> contexts() {
        return contexts;
    }

    public String callingAet() {
        return request.callingAet();
    }

    public String calledAet() {
        return request.calledAet();
    }

    public int nextMessageId() {
        int id = nextMessageId;
        nextMessageId = nextMessageId == 0xFFFF ? 1 : nextMessageId + 1;
        return id;
    }

    /** The accepted context for an abstract syntax and transfer syntax, or null. */
    public PresentationContext findContext(String abstractSyntax, String transferSyntax) {
        for (PresentationContext pc : contexts.values()) {
            if (pc.abstractSyntax().equals(abstractSyntax)
                    && (transferSyntax == null || pc.transferSyntax().equals(transferSyntax))) {
                return pc;
            }
        }
        return null;
    }

    /** Whether the association runs over TLS (PS3.15 B.1). */
    public boolean isSecure() {
        return socket instanceof javax.net.ssl.SSLSocket;
    }

    public boolean isOpen() {
        return !closed;
    }

    // ------------------------------------------------------------------ sending

    /** Sends a command set (PS3.7 6.3.1: always Implicit VR Little Endian) as command PDVs. */
    public void sendCommand(int contextId, Dataset command) throws IOException {
        byte[] bytes = CommandCodec.encode(command);
        sendBytes(contextId, true, bytes, 0, bytes.length);
    }

    /** Sends a whole data set already encoded in the context's transfer syntax. */
    public void sendData(int contextId, byte[] data) throws IOException {
        sendBytes(contextId, false, data, 0, data.length);
    }

    /**
     * Sends {@code length} bytes of a file from {@code position} as data PDVs no larger than the peer accepts. Over
     * plain TCP on a platform thread each PDV's bytes go from the file to the socket by
     * {@link FileChannel#transferTo} (sendfile: no copy in user space); on a virtual thread through a direct buffer
     * (no heap copy); over TLS they are read into the send buffer and written through the TLS stream.
     */
    public void sendData(int contextId, FileChannel file, long position, long length) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        long sent = 0;
        try {
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
        } catch (IOException e) {
            throw dataFailed(e);
        }
    }

    /**
     * Ends the association after a failed data send: an early end of the local data (EOFException) is aborted
     * so that the peer does not keep a partial instance; a broken connection is just closed.
     */
    private IOException dataFailed(IOException e) {
        if (e instanceof EOFException) {
            abort();
        } else {
            fail(e);
        }
        return e;
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

    /**
     * Streams exactly {@code length} bytes of {@code in} as data PDVs, one chunk at a time: for a data set assembled
     * from parts (a header re-encoded in memory followed by a byte range of the source file) that is never held whole.
     */
    public void sendData(int contextId, java.io.InputStream in, long length) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        long sent = 0;
        try {
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
        } catch (IOException e) {
            throw dataFailed(e);
        }
    }

    /** Sends one PDU as it is (e.g. a P-DATA-TF built by the caller); no state checks beyond being open. */
    public void send(Pdu pdu) throws IOException {
        checkOpen();
        try {
            out.write(PduWriter.encode(pdu));
        } catch (IOException e) {
            fail(e);
            throw e;
        }
    }

    private void sendBytes(int contextId, boolean command, byte[] data, int off, int len) throws IOException {
        int room = sendBuf.length - PDATA_OVERHEAD;
        int done = 0;
        try {
            do {
                int n = Math.min(room, len - done);
                System.arraycopy(data, off + done, sendBuf, PDATA_OVERHEAD, n);
                done += n;
                writePdu(contextId, command, done == len, n);
            } while (done < len);
        } catch (IOException e) {
            fail(e);
            throw e;
        }
    }

    /** PS3.8 9.3.5 and E.2: one P-DATA-TF with one PDV of {@code n} bytes already in sendBuf. */
    private void writePdu(int contextId, boolean command, boolean last, int n) throws IOException {
        checkOpen();
        putPduHeader(contextId, command, last, n);
        out.write(sendBuf, 0, n + PDATA_OVERHEAD);
    }

    /** Only the P-DATA-TF and PDV headers of a PDV of {@code n} bytes that the caller sends next. */
    private void writePduHeader(int contextId, boolean command, boolean last, int n) throws IOException {
        checkOpen();
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

    // ------------------------------------------------------------------ receiving

    /** A received command set and the context it came on. */
    public record Command(int contextId, Dataset command) {
    }

    /**
     * The next command; null when the peer asked to release (A-RELEASE-RP is then sent and the socket closed).
     * The data set that follows, if the command announces one, must be read with {@link #dataStream()} before the
     * next call.
     */
    public Command readCommand() throws IOException {
        byte[] buf = new byte[256];
        int size = 0;
        int contextId = -1;
        while (true) {
            if (!nextPdv(true)) {
                return null;
            }
            if (!reader.command()) {
                throw protocolError("data PDV on context " + reader.contextId() + " where a command was expected");
            }
            if (contextId < 0) {
                contextId = reader.contextId();
                if (!contexts.containsKey(contextId)) {
                    throw protocolError("command on presentation context " + contextId + " that was not accepted");
                }
            } else if (reader.contextId() != contextId) {
                throw protocolError("command fragments on contexts " + contextId + " and " + reader.contextId());
            }
            long n = reader.remaining();
            if (size + n > 1 << 20) {
                throw protocolError("command set larger than 1 MiB");
            }
            if (size + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.max(size + n, buf.length * 2L));
            }
            readPdvFully(buf, size, (int) n);
            size += (int) n;
            if (reader.last()) {
                try {
                    return new Command(contextId, CommandCodec.decode(java.util.Arrays.copyOf(buf, size)));
                } catch (IOException e) {
                    throw protocolError("undecodable command set: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Whether something from the peer is waiting to be read (without blocking): lets an SCP that streams pending
     * responses notice a C-CANCEL-RQ (PS3.7 9.3.2.3) between them.
     */
    public boolean hasIncoming() throws IOException {
        return reader.inPdu() || (!closed && input.available());
    }

    /**
     * The data set that follows the last command, as a stream of its bytes across PDVs; it ends after the PDV
     * marked last. Reading past a protocol error throws and aborts the association.
     */
    public InputStream dataStream() {
        return new DataStream();
    }

    /** Reads the whole data set that follows the last command (for small data sets such as C-FIND identifiers). */
    public byte[] readData() throws IOException {
        try (InputStream s = dataStream()) {
            return s.readAllBytes();
        }
    }

    private final class DataStream extends DataSetInput {
        private final byte[] one = new byte[1];
        private boolean started;
        private int contextId = -1;

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
            return received(() -> reader.read(b, off, len));
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
                        received(() -> {
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
            nextPdv(false);
            if (reader.command()) {
                throw protocolError("command PDV in the middle of a data set");
            }
            if (contextId >= 0 && reader.contextId() != contextId) {
                throw protocolError("data fragments on contexts " + contextId + " and " + reader.contextId());
            }
            contextId = reader.contextId();
            started = true;
        }

        @Override
        public void close() throws IOException {
            // Drain the rest so that the association stays in step.
            while (!closed && !(started && reader.last() && reader.remaining() == 0)) {
                if (started && reader.remaining() > 0) {
                    received(() -> {
                        reader.skip();
                        return 0;
                    });
                } else {
                    nextFragment();
                }
            }
        }
    }

    @FunctionalInterface
    private interface Receive {
        int run() throws IOException;
    }

    /** Reads exactly {@code n} bytes of the current PDV's value. */
    private void readPdvFully(byte[] b, int off, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int at = off + done;
            int want = n - done;
            done += received(() -> reader.read(b, at, want));
        }
    }

    /**
     * Runs a read of received bytes: a timeout aborts the association, a broken connection closes it, both
     * reported with who the peer was (the same as for a PDU header, see {@link #nextPdv}).
     */
    private int received(Receive r) throws IOException {
        checkOpen();
        try {
            return r.run();
        } catch (SocketTimeoutException e) {
            IOException x = new IOException("no data from peer " + request.callingAet() + "/"
                    + request.calledAet() + " within " + options.readTimeout().toSeconds() + " s");
            abort();
            throw x;
        } catch (IOException e) {
            if (e instanceof AssociationAbortedException) {
                throw e;
            }
            close();
            throw new AssociationAbortedException("connection lost: " + e.getMessage(), e);
        }
    }

    /**
     * Moves to the next PDV; with {@code releaseAllowed} an A-RELEASE-RQ answers A-RELEASE-RP, closes and gives
     * false.
     */
    private boolean nextPdv(boolean releaseAllowed) throws IOException {
        checkOpen();
        Pdu pdu;
        try {
            pdu = reader.next();
        } catch (SocketTimeoutException e) {
            IOException x = new IOException("no data from peer " + request.callingAet() + "/"
                    + request.calledAet() + " within " + options.readTimeout().toSeconds() + " s");
            abort();
            throw x;
        } catch (PduException e) {
            sendQuietly(socket, Abort.provider(e.abortReason()));
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new AssociationAbortedException("connection lost: " + e.getMessage(), e);
        }
        switch (pdu) {
            case null -> {
                return true;
            }
            case ReleaseRq r -> {
                if (!releaseAllowed) {
                    throw protocolError("A-RELEASE-RQ in the middle of a message");
                }
                out.write(PduWriter.encode(new ReleaseRp()));
                close();
                return false;
            }
            case Abort a -> {
                close();
                throw new AssociationAbortedException("peer sent " + a.describe());
            }
            default -> throw protocolError("unexpected " + pdu.getClass().getSimpleName()
                    + " on an established association");
        }
    }

    /**
     * Waits up to {@code wait} for the peer to send anything, without consuming it: true when a PDU has begun to
     * arrive (or the connection ended, which the next read reports), false when the wait ran out. Unlike a read,
     * running out of time here does not abort the association: it serves waiting for an optional message such as
     * a Storage Commitment N-EVENT-REPORT (PS3.4 J.3.3).
     */
    public boolean awaitIncoming(Duration wait) throws IOException {
        checkOpen();
        if (reader.inPdu()) {
            return true;
        }
        try {
            return input.await(wait);
        } catch (IOException e) {
            close();
            throw new AssociationAbortedException("connection lost: " + e.getMessage(), e);
        }
    }

    private IOException protocolError(String message) {
        sendQuietly(socket, Abort.provider(Abort.UNEXPECTED_PDU));
        close();
        return new AssociationAbortedException("protocol error, association aborted: " + message);
    }

    // ------------------------------------------------------------------ ending

    /** PS3.8 7.2: A-RELEASE-RQ, then waits (ARTIM) for A-RELEASE-RP; closes in every case. */
    public void release() throws IOException {
        if (closed) {
            return;
        }
        try {
            out.write(PduWriter.encode(new ReleaseRq()));
            input.timeout(options.artimTimeout());
            while (true) {
                Pdu pdu = reader.next();
                if (pdu == null) {
                    // P-DATA still in flight before the RP is discarded (PS3.8 9.2.3 state Sta7).
                    reader.skipPdu();
                    continue;
                }
                if (pdu instanceof ReleaseRp) {
                    return;
                }
                if (pdu instanceof ReleaseRq) {
                    // PS3.8 7.2.2 release collision: answer and finish.
                    out.write(PduWriter.encode(new ReleaseRp()));
                    return;
                }
                if (pdu instanceof Abort a) {
                    throw new AssociationAbortedException("release answered by " + a.describe());
                }
                // Anything else before the RP is ignored (PS3.8 9.2.3 state Sta7).
            }
        } catch (SocketTimeoutException e) {
            sendQuietly(socket, Abort.user());
            throw new IOException("no A-RELEASE-RP within ARTIM timeout " + options.artimTimeout().toSeconds()
                    + " s");
        } finally {
            close();
        }
    }

    /** Sends A-ABORT (service-user) and closes. */
    public void abort() {
        if (!closed) {
            sendQuietly(socket, Abort.user());
        }
        close();
    }

    /** Closes the socket without any PDU. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private void fail(IOException e) {
        close();
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new AssociationAbortedException("association is closed");
        }
    }

    private static void sendQuietly(Socket s, Pdu pdu) {
        try {
            s.getOutputStream().write(PduWriter.encode(pdu));
        } catch (IOException | RuntimeException ignored) {
            // The connection may already be gone; closing follows anyway.
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
