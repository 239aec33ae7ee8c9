package org.pdistation.imaging.net.pdu;

/**
 * SOP Class Extended Negotiation sub-item (PS3.7 D.3.3.5): service-class specific bytes, passed through unparsed.
 */
public record ExtendedNegotiation(String sopClassUid, byte[] info) {
    public ExtendedNegotiation {
        info = info.clone();
    }

    @Override
    public byte[] info() {
        return info.clone();
    }
}
