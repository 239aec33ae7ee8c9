package org.pdistation.imaging.net.pdu;

/** SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): which roles a side supports for one SOP class. */
public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {
}
