package org.pdistation.imaging.net.pdu;

import java.util.List;

/** A-ASSOCIATE-RQ PDU (PS3.8 9.3.2); AE titles without their space padding. */
public record AssociateRq(int protocolVersion, String calledAet, String callingAet, String applicationContext,
                          List<PresentationContextRq> presentationContexts, UserInfo userInfo) implements Pdu {
    /** PS3.7 A.2.1: the one DICOM application context name. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }
}
