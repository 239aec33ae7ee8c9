package org.pdistation.imaging.net;

import java.io.IOException;

/** The association ended by A-ABORT (received or sent) or by the connection breaking. */
public final class AssociationAbortedException extends IOException {
    public AssociationAbortedException(String message) {
        super(message);
    }

    public AssociationAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
