package org.pdistation.imaging.net.pdu;

/**
 * One presentation data value item (PS3.8 9.3.5.1) with its message control header (PS3.8 E.2): bit 0 set for a
 * command fragment (else data), bit 1 set for the last fragment of the command or data set.
 */
public record Pdv(int contextId, boolean command, boolean last, byte[] data) {

    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }
}
