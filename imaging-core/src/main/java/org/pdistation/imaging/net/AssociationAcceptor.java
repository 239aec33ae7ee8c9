package org.pdistation.imaging.net;

import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.Pdu;

/** The acceptor's decision on an A-ASSOCIATE-RQ: an {@code AssociateAc} or an {@code AssociateRj}. */
@FunctionalInterface
public interface AssociationAcceptor {
    Pdu negotiate(AssociateRq request);
}
