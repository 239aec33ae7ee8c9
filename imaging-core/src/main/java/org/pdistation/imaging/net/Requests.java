package org.pdistation.imaging.net;

import java.util.List;

import org.pdistation.imaging.io.Implementation;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.pdistation.imaging.net.pdu.UserIdentity;
import org.pdistation.imaging.net.pdu.UserInfo;

/** Builds the A-ASSOCIATE-RQ of a requestor. */
public final class Requests {
    private Requests() {
    }

    /** An A-ASSOCIATE-RQ with our implementation identification and max PDU length; identity may be null. */
    public static AssociateRq associateRq(String callingAet, String calledAet, List<PresentationContextRq> contexts,
                                          NetOptions options, UserIdentity identity) {
        return associateRq(callingAet, calledAet, contexts, List.of(), options, identity);
    }

    /** As above with SCP/SCU role selections (PS3.7 D.3.3.4). */
    public static AssociateRq associateRq(String callingAet, String calledAet, List<PresentationContextRq> contexts,
                                          List<RoleSelection> roles, NetOptions options, UserIdentity identity) {
        UserInfo info = new UserInfo(options.maxPduLength(), Implementation.CLASS_UID, Implementation.VERSION_NAME,
                -1, -1, roles, List.of(), identity, null);
        return new AssociateRq(1, RemoteAe.checkAet(calledAet), RemoteAe.checkAet(callingAet),
                AssociateRq.DICOM_APPLICATION_CONTEXT, contexts, info);
    }
}
