package org.pdistation.imaging.net;

import java.io.EOFException;
import java.io.IOException;

import org.pdistation.imaging.net.pdu.Abort;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PduException;
import org.pdistation.imaging.net.pdu.PduReader;

/**
 * Walks the received PDUs of an established association PDV by PDV without holding a P-DATA-TF in memory: the
 * PDU and PDV item headers go through a small reused array, each PDV's value is then read or passed on by the
 * caller as it arrives (PS3.8 9.3.5). Every length is checked before it is believed.
 */
final class PdvReader {
    private final PduInput in;
    private final int maxPDataLength;
    private final byte[] header = new byte[6];
    /** Bytes of the current P-DATA-TF after the PDVs read so far. */
    private long pduLeft;
    /** Bytes of the current PDV's value not yet consumed. */
    private long pdvLeft;
    private int contextId;
    private boolean command;
    private boolean last;

    PdvReader(PduInput in, int maxPDataLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength;
    }

    /**
     * Moves to the next PDV: null when there is one (see {@link #contextId()} etc.), else the non-P-DATA PDU that
     * came instead. The previous PDV's value must have been consumed.
     */
    Pdu next() throws IOException {
        if (pdvLeft != 0) {
            throw new IllegalStateException(pdvLeft + " bytes of the previous PDV not consumed");
        }
        if (pduLeft == 0) {
            Pdu control = nextPdu();
            if (control != null) {
                return control;
            }
        }
        // PS3.8 9.3.5.1: item length (4), presentation context id, message control header, then the value.
        if (pduLeft < 6) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "truncated PDV item header: " + pduLeft
                    + " bytes left in the P-DATA-TF");
        }
        in.readFully(header, 0, 6, "a PDV item header");
        pduLeft -= 6;
        long len = int32(0);
        if (len < 2 || len - 2 > pduLeft) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDV item declares length " + len + " but "
                    + (pduLeft + 2) + " bytes remain in its P-DATA-TF (minimum 2)");
        }
        contextId = header[4] & 0xFF;
        int mch = header[5] & 0xFF;
        command = (mch & 1) != 0;
        last = (mch & 2) != 0;
        pdvLeft = len - 2;
        pduLeft -= pdvLeft;
        return null;
    }

    /** Reads a PDU header; for P-DATA-TF only the header (null returned), any other PDU whole. */
    private Pdu nextPdu() throws IOException {
        int n = 0;
        while (n < 6) {
            int got = in.read(header, n, 6 - n);
            if (got < 0) {
                throw new EOFException(n == 0 ? "connection closed by peer"
                        : "connection closed after " + n + " of 6 bytes of a PDU header");
            }
            n += got;
        }
        int type = header[0] & 0xFF;
        long length = int32(2);
        PduReader.checkHeader(type, length, maxPDataLength);
        if (type == Pdu.P_DATA_TF) {
            if (length == 0) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE,
                        "P-DATA-TF without any PDV item (PS3.8 9.3.5)");
            }
            pduLeft = length;
            return null;
        }
        byte[] body = new byte[(int) length];
        in.readFully(body, 0, body.length, "PDU type 0x0" + type);
        return PduReader.decode(type, body);
    }

    private long int32(int at) {
        return ((long) (header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16) | ((header[at + 2] & 0xFF) << 8)
                | (header[at + 3] & 0xFF);
    }

    int contextId() {
        return contextId;
    }

    boolean command() {
        return command;
    }

    boolean last() {
        return last;
    }

    /** Bytes of the current PDV's value not yet consumed. */
    long remaining() {
        return pdvLeft;
    }

    /** Whether PDVs of a P-DATA-TF already begun are still to come. */
    boolean inPdu() {
        return pduLeft > 0 || pdvLeft > 0;
    }

    /** Up to {@code len} bytes of the current PDV's value; -1 when it is consumed. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pdvLeft == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, pdvLeft));
        if (n < 0) {
            throw new EOFException("connection closed with " + pdvLeft + " bytes of a PDV to come");
        }
        pdvLeft -= n;
        return n;
    }

    /** Passes the rest of the current PDV's value to {@code sink} as it arrives. */
    void transfer(PduInput.Chunks sink) throws IOException {
        long n = pdvLeft;
        pdvLeft = 0;
        in.transfer(n, sink);
    }

    /** Discards the rest of the current PDV's value. */
    void skip() throws IOException {
        transfer(chunk -> chunk.position(chunk.limit()));
    }

    /** Discards the rest of the current P-DATA-TF (e.g. data still in flight while releasing). */
    void skipPdu() throws IOException {
        skip();
        long n = pduLeft;
        pduLeft = 0;
        in.transfer(n, chunk -> chunk.position(chunk.limit()));
    }
}
