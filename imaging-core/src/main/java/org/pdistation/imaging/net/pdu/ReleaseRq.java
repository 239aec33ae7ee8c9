package org.pdistation.imaging.net.pdu;

/** A-RELEASE-RQ PDU (PS3.8 9.3.6). */
public record ReleaseRq() implements Pdu {
}
