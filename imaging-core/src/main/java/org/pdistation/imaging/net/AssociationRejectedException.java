package org.pdistation.imaging.net;

import java.io.IOException;

import org.pdistation.imaging.net.pdu.AssociateRj;

/** The acceptor answered A-ASSOCIATE-RJ; the message names result, source and reason (PS3.8 9.3.4). */
public final class AssociationRejectedException extends IOException {
    private final AssociateRj rejection;

    public AssociationRejectedException(AssociateRj rejection) {
        super("association rejected: " + rejection.describe());
        this.rejection = rejection;
    }

    /** With what the requestor concludes from the rejection, e.g. that its user identity was refused. */
    public AssociationRejectedException(AssociateRj rejection, String explanation) {
        super(explanation + " (association rejected: " + rejection.describe() + ")");
        this.rejection = rejection;
    }

    public AssociateRj rejection() {
        return rejection;
    }
}
