package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;

import javax.net.SocketFactory;

import org.pdistation.imaging.net.pdu.Abort;
import org.pdistation.imaging.net.pdu.AssociateAc;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PduException;
import org.pdistation.imaging.net.pdu.PduReader;
import org.pdistation.imaging.net.pdu.PduWriter;

/**
 * Association establishment (PS3.8 7.1, 9.2): the requestor's connect and A-ASSOCIATE-RQ, the acceptor's reading of
 * the request within the ARTIM timeout and its answer. Every failure closes the socket before it is thrown.
 */
final class AssociationEstablishment {
    private AssociationEstablishment() {
    }

    /** See {@link Association#connect(SocketFactory, String, int, AssociateRq, NetOptions)}. */
    static Association connect(SocketFactory factory, String host, int port, AssociateRq request,
                                      NetOptions options) throws IOException {
        // A plain socket is made from a SocketChannel so that file data can be sent with FileChannel.transferTo
        // (sendfile); other factories (TLS) keep their own sockets and the stream path.
        Socket s = factory == SocketFactory.getDefault() ? SocketChannel.open().socket() : factory.createSocket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), Association.millis(options.connectTimeout()));
            s.setSoTimeout(Association.millis(options.artimTimeout()));
            InputStream in = new ReadAheadStream(s.getInputStream(), 1 << 16);
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
                    s.setSoTimeout(Association.millis(options.readTimeout()));
                    return new Association(s, in, options, request, ac, true);
                }
                case AssociateRj rj -> throw new AssociationRejectedException(rj);
                case Abort a -> throw new AssociationAbortedException("association request answered by "
                        + a.describe());
                default -> {
                    Association.sendQuietly(s, Abort.provider(Abort.UNEXPECTED_PDU));
                    throw new AssociationAbortedException("unexpected " + answer.getClass().getSimpleName()
                            + " in answer to A-ASSOCIATE-RQ");
                }
            }
        } catch (PduException e) {
            Association.sendQuietly(s, Abort.provider(e.abortReason()));
            Association.closeQuietly(s);
            throw e;
        } catch (javax.net.ssl.SSLException e) {
            Association.closeQuietly(s);
            // PS3.15 B.1: the TLS handshake precedes the association; say so rather than "connection reset".
            throw new javax.net.ssl.SSLException("TLS handshake with " + host + ":" + port + " failed: "
                    + e.getMessage(), e);
        } catch (java.net.SocketException | java.io.EOFException e) {
            Association.closeQuietly(s);
            if (s instanceof javax.net.ssl.SSLSocket) {
                // TLS 1.3 (RFC 8446 4.4.2): the server checks our certificate after our side has finished the
                // handshake, so a refusal arrives as a closed connection on the first write or read.
                throw new javax.net.ssl.SSLException("TLS handshake with " + host + ":" + port
                        + " failed: the peer closed the connection (did it refuse our certificate?): "
                        + e.getMessage(), e);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            Association.closeQuietly(s);
            throw e;
        }
    }

    /** See {@link Association#accept(Socket, NetOptions, AssociationAcceptor)}. */
    static Association accept(Socket s, NetOptions options, AssociationAcceptor acceptor) throws IOException {
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(Association.millis(options.artimTimeout()));
            InputStream in = new ReadAheadStream(s.getInputStream(), 1 << 16);
            Pdu first;
            try {
                first = new PduReader(in, options.maxPduLength()).read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no A-ASSOCIATE-RQ from " + s.getRemoteSocketAddress()
                        + " within ARTIM timeout " + options.artimTimeout().toSeconds() + " s");
            }
            if (!(first instanceof AssociateRq rq)) {
                Association.sendQuietly(s, Abort.provider(Abort.UNEXPECTED_PDU));
                throw new AssociationAbortedException("expected A-ASSOCIATE-RQ, got "
                        + first.getClass().getSimpleName());
            }
            Pdu answer = acceptor.negotiate(rq);
            s.getOutputStream().write(PduWriter.encode(answer));
            if (answer instanceof AssociateAc ac) {
                s.setSoTimeout(Association.millis(options.readTimeout()));
                return new Association(s, in, options, rq, ac, false);
            }
            // PS3.8 9.2.3 (AE-8): after A-ASSOCIATE-RJ the acceptor waits for the requestor to close; we close.
            Association.closeQuietly(s);
            return null;
        } catch (PduException e) {
            Association.sendQuietly(s, Abort.provider(e.abortReason()));
            Association.closeQuietly(s);
            throw e;
        } catch (IOException | RuntimeException e) {
            Association.closeQuietly(s);
            throw e;
        }
    }
}
