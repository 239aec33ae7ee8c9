package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.List;

import javax.net.SocketFactory;

import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.pdistation.imaging.net.pdu.UserIdentity;

/**
 * How an SCU reaches its peer: the association setup every SCU shares (target, our AE title, timeouts, sockets
 * plain or TLS, and the User Identity sent in the A-ASSOCIATE-RQ, PS3.7 D.3.3.7).
 *
 * @param identity the user identity to send, or null for none
 */
public record Requestor(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets,
                        UserIdentity identity) {
    public Requestor {
        RemoteAe.checkAet(callingAet);
        if (target == null || options == null || sockets == null) {
            throw new IllegalArgumentException("target, options and sockets are required");
        }
    }

    /** Plain TCP, no user identity. */
    public Requestor(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, SocketFactory.getDefault(), null);
    }

    public Requestor withIdentity(UserIdentity id) {
        return new Requestor(target, callingAet, options, sockets, id);
    }

    public Requestor withSockets(SocketFactory factory) {
        return new Requestor(target, callingAet, options, factory, identity);
    }

    /** The A-ASSOCIATE-RQ with our implementation identification, max PDU length, roles and identity. */
    public AssociateRq request(List<PresentationContextRq> contexts, List<RoleSelection> roles) {
        return Requests.associateRq(callingAet, target.aet(), contexts, roles, options, identity);
    }

    /**
     * Connects and negotiates. When we sent an identity and the peer rejects without a more specific reason, the
     * error says that the identity is the likely cause (PS3.7 D.3.3.7.3: a refused identity is answered with
     * A-ASSOCIATE-RJ, whose reasons cannot say so).
     */
    public Association open(List<PresentationContextRq> contexts, List<RoleSelection> roles) throws IOException {
        try {
            return Association.connect(sockets, target.host(), target.port(), request(contexts, roles), options);
        } catch (AssociationRejectedException e) {
            AssociateRj rj = e.rejection();
            if (identity != null && rj.source() == 1 && rj.reason() == 1) {
                throw new AssociationRejectedException(rj, target + " refused the association, most likely the user"
                        + " identity '" + identity.username() + "' (wrong user name or passcode)");
            }
            throw e;
        }
    }
}
