package org.pdistation.imaging.net;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextAc;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PduException;
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
    private final Socket socket;
    private final InputStream in;
    private final WriteWatchdog out;
    /** Received PDUs, PDV by PDV (PS3.8 9.3.5), straight from the channel over plain TCP. */
    private final PdvReader reader;
    private final PduInput input;
    private final NetOptions options;
    private final AssociateRq request;
    private final AssociateAc accept;
    private final Map<Integer, PresentationContext> contexts;
    /** Sent messages, cut into P-DATA-TF PDUs no larger than the peer accepts. */
    private final PdvWriter writer;
    private int nextMessageId = 1;
    private boolean closed;

    /** Made by {@link AssociationEstablishment} once the association is accepted. */
    Association(Socket socket, InputStream in, NetOptions options, AssociateRq request, AssociateAc accept,
                        boolean requestor) throws IOException {
        this.socket = socket;
        this.in = in;
        // Java sockets have no write timeout: the watchdog gives writes the same limit as reads (NetOptions).
        this.out = new WriteWatchdog(socket, socket.getOutputStream(), options.readTimeout());
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
        // The socket's channel where it has one and speaks plain TCP: file bytes go to it without a heap copy.
        SocketChannel channel = socket instanceof javax.net.ssl.SSLSocket ? null : socket.getChannel();
        this.writer = new PdvWriter(out, channel, peerMax, this::checkOpen);
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
        return AssociationEstablishment.connect(factory, host, port, request, options);
    }

    /**
     * Acceptor side: reads the A-ASSOCIATE-RQ within the ARTIM timeout, asks {@code acceptor}, sends its answer.
     * Returns the association, or null when it was rejected (the socket is then closed).
     */
    public static Association accept(Socket s, NetOptions options, AssociationAcceptor acceptor) throws IOException {
        return AssociationEstablishment.accept(s, options, acceptor);
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
        try {
            writer.sendFile(contextId, file, position, length);
        } catch (IOException e) {
            throw dataFailed(e);
        }
    }

    /**
     * Streams exactly {@code length} bytes of {@code in} as data PDVs, one chunk at a time: for a data set assembled
     * from parts (a header re-encoded in memory followed by a byte range of the source file) that is never held whole.
     */
    public void sendData(int contextId, java.io.InputStream in, long length) throws IOException {
        try {
            writer.sendStream(contextId, in, length);
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
        try {
            writer.sendBytes(contextId, command, data, off, len);
        } catch (IOException e) {
            fail(e);
            throw e;
        }
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
        return new PdvDataStream(this, reader);
    }

    /** Reads the whole data set that follows the last command (for small data sets such as C-FIND identifiers). */
    public byte[] readData() throws IOException {
        try (InputStream s = dataStream()) {
            return s.readAllBytes();
        }
    }

    @FunctionalInterface
    interface Receive {
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
    int received(Receive r) throws IOException {
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
            throw new AssociationAbortedException("connection lost: " + why(e), e);
        }
    }

    /**
     * Moves to the next PDV; with {@code releaseAllowed} an A-RELEASE-RQ answers A-RELEASE-RP, closes and gives
     * false.
     */
    boolean nextPdv(boolean releaseAllowed) throws IOException {
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
            throw new AssociationAbortedException("connection lost: " + why(e), e);
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
            throw new AssociationAbortedException("connection lost: " + why(e), e);
        }
    }

    IOException protocolError(String message) {
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

    static void sendQuietly(Socket s, Pdu pdu) {
        try {
            s.getOutputStream().write(PduWriter.encode(pdu));
        } catch (IOException | RuntimeException ignored) {
            // The connection may already be gone; closing follows anyway.
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /**
     * What went wrong, for a log line or a message: the exception's message, or its kind when it has none (a channel
     * closed under a blocked read, e.g. by the server shutting down, says nothing else).
     */
    static String why(Throwable e) {
        String m = e.getMessage();
        return m != null && !m.isBlank() ? m : e.getClass().getSimpleName();
    }
}
