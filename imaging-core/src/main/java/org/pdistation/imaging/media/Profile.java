package org.pdistation.imaging.media;

import java.util.Locale;
import java.util.Set;

/**
 * General Purpose media application profiles of PS3.11 (Annex D: STD-GEN-CD/-DVD/-USB and their JPEG and JPEG 2000
 * variants) with the transfer syntaxes each allows for the instances on the medium.
 */
public enum Profile {
    STD_GEN_CD("STD-GEN-CD", Set.of(Syntaxes.EXPLICIT_LE)),
    STD_GEN_DVD_JPEG("STD-GEN-DVD-JPEG", Set.of(Syntaxes.EXPLICIT_LE, Syntaxes.JPEG_BASELINE, Syntaxes.JPEG_EXTENDED,
            Syntaxes.JPEG_LOSSLESS_SV1)),
    STD_GEN_USB_JPEG("STD-GEN-USB-JPEG", Set.of(Syntaxes.EXPLICIT_LE, Syntaxes.JPEG_BASELINE, Syntaxes.JPEG_EXTENDED,
            Syntaxes.JPEG_LOSSLESS_SV1)),
    STD_GEN_DVD_J2K("STD-GEN-DVD-J2K", Set.of(Syntaxes.EXPLICIT_LE, Syntaxes.J2K_LOSSLESS, Syntaxes.J2K)),
    STD_GEN_USB_J2K("STD-GEN-USB-J2K", Set.of(Syntaxes.EXPLICIT_LE, Syntaxes.J2K_LOSSLESS, Syntaxes.J2K));

    private final String profileName;
    private final Set<String> transferSyntaxes;

    Profile(String profileName, Set<String> transferSyntaxes) {
        this.profileName = profileName;
        this.transferSyntaxes = transferSyntaxes;
    }

    /** The PS3.11 name, e.g. "STD-GEN-CD". */
    public String profileName() {
        return profileName;
    }

    public Set<String> transferSyntaxes() {
        return transferSyntaxes;
    }

    public boolean allows(String transferSyntaxUid) {
        return transferSyntaxUid != null && transferSyntaxes.contains(transferSyntaxUid.strip());
    }

    /** CD profile or DVD/USB family: the record key tables differ between the two (PS3.11 D.3.3). */
    public boolean isDvdOrUsb() {
        return this != STD_GEN_CD;
    }

    /** Accepts "STD-GEN-CD", "std_gen_cd" and the enum name. */
    public static Profile of(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        for (Profile p : values()) {
            if (p.profileName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown media profile: " + name);
    }

    @Override
    public String toString() {
        return profileName;
    }

    private static final class Syntaxes {
        static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
        static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
        static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
        static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
        static final String J2K_LOSSLESS = "1.2.840.10008.1.2.4.90";
        static final String J2K = "1.2.840.10008.1.2.4.91";
    }
}
