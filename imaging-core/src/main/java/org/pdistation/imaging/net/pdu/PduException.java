package org.pdistation.imaging.net.pdu;

import java.io.IOException;

/**
 * A PDU that breaks PS3.8: the message says where and what was expected; {@link #abortReason()} is the A-ABORT
 * reason (PS3.8 9.3.8) the receiver should send before closing.
 */
public final class PduException extends IOException {
    private final int abortReason;

    public PduException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
