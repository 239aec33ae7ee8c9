package org.pdistation.imaging.net.pdu;

/** A-RELEASE-RP PDU (PS3.8 9.3.7). */
public record ReleaseRp() implements Pdu {
}
