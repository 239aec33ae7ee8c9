package org.pdistation.imaging.io;

/**
 * How a dataset is encoded (PS3.5 10): VR explicit or implicit, byte order, deflate, and whether pixel data is
 * encapsulated. Any UID not listed as native is taken as an encapsulated Explicit VR Little Endian syntax (PS3.5
 * A.4), which is how every compressed syntax is defined.
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated, boolean encapsulated) {
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

    /** The syntax for a UID as found in a file (trailing NUL/space padding removed). */
    public static TransferSyntax of(String uid) {
        String u = uid == null ? "" : uid.strip().replace("\0", "");
        return switch (u) {
            case "1.2.840.10008.1.2" -> IMPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.1" -> EXPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.1.99" -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.2" -> EXPLICIT_VR_BIG_ENDIAN;
            // JPIP Referenced Deflate (PS3.5 A.6): deflated dataset, pixel data referenced, not encapsulated.
            case "1.2.840.10008.1.2.4.95" -> new TransferSyntax(u, true, false, true, false);
            // JPIP Referenced: pixel data lives elsewhere (PS3.5 A.6).
            case "1.2.840.10008.1.2.4.94" -> new TransferSyntax(u, true, false, false, false);
            default -> new TransferSyntax(u, true, false, false, true);
        };
    }

    /** True for the three native (uncompressed, not deflated) syntaxes. */
    public boolean isNative() {
        return !encapsulated && !deflated;
    }
}
