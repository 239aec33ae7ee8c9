package org.pdistation.imaging.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 9.3.3); called and calling AE titles are echoed from the request (not to be tested,
 * PS3.8 9.3.3).
 */
public record AssociateAc(int protocolVersion, String calledAet, String callingAet, String applicationContext,
                          List<PresentationContextAc> presentationContexts, UserInfo userInfo) implements Pdu {
    public AssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }
}
