package org.pdistation.imaging.codec;

import java.util.Locale;

/** Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2. */
public enum Photometric {
    MONOCHROME1("MONOCHROME1"),
    MONOCHROME2("MONOCHROME2"),
    PALETTE_COLOR("PALETTE COLOR"),
    RGB("RGB"),
    YBR_FULL("YBR_FULL"),
    YBR_FULL_422("YBR_FULL_422"),
    YBR_PARTIAL_422("YBR_PARTIAL_422"),
    YBR_PARTIAL_420("YBR_PARTIAL_420"),
    YBR_ICT("YBR_ICT"),
    YBR_RCT("YBR_RCT"),
    ARGB("ARGB"),
    CMYK("CMYK"),
    HSV("HSV"),
    /** Missing or unrecognised term; treated as MONOCHROME2 for one sample, RGB for three. */
    UNKNOWN("");

    private final String term;

    Photometric(String term) {
        this.term = term;
    }

    /** The defined term as written in (0028,0004). */
    public String term() { return term; }

    public boolean isMonochrome() { return this == MONOCHROME1 || this == MONOCHROME2; }

    /** True for the YCbCr family, whose samples must be converted before display. */
    public boolean isYbr() { return name().startsWith("YBR"); }

    /** Parses a defined term, tolerating case, surrounding blanks and '_' for the space of "PALETTE COLOR". */
    public static Photometric of(String value) {
        if (value == null) return UNKNOWN;
        String v = value.strip().toUpperCase(Locale.ROOT).replace('_', ' ');
        for (Photometric p : values()) {
            if (p != UNKNOWN && p.term.replace('_', ' ').equals(v)) return p;
        }
        return UNKNOWN;
    }
}
