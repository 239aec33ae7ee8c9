package org.pdistation.imaging.io;

/** How PDI Station identifies itself in file meta (PS3.10 7.1) and association negotiation (PS3.7 D.3.3.2). */
public final class Implementation {
    private Implementation() {}

    /** A UUID-derived UID (PS3.5 B.2), fixed for this implementation. */
    public static final String CLASS_UID = "2.25.243275107415650400540635548241658275085";

    /** At most 16 characters (SH). */
    public static final String VERSION_NAME = "PDISTATION_010";
}
