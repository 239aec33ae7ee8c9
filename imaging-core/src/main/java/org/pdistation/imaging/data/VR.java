package org.pdistation.imaging.data;

/**
 * Value Representations of PS3.5 Table 6.2-1, with the encoding facts the reader and writer need.
 *
 * <p>{@code longHeader} marks the VRs whose explicit-VR element header has two reserved bytes and a 32-bit length
 * (PS3.5 7.1.2, Table 7.1-1); all others use a 16-bit length.
 */
public enum VR {
    AE(Kind.STRING, false, ' ', 0, true, false),
    AS(Kind.STRING, false, ' ', 0, true, false),
    AT(Kind.BINARY, false, 0, 4, false, false),
    CS(Kind.STRING, false, ' ', 0, true, false),
    DA(Kind.STRING, false, ' ', 0, true, false),
    DS(Kind.STRING, false, ' ', 0, true, false),
    DT(Kind.STRING, false, ' ', 0, true, false),
    FD(Kind.BINARY, false, 0, 8, false, false),
    FL(Kind.BINARY, false, 0, 4, false, false),
    IS(Kind.STRING, false, ' ', 0, true, false),
    LO(Kind.STRING, false, ' ', 0, true, true),
    LT(Kind.STRING, false, ' ', 0, false, true),
    OB(Kind.BINARY, true, 0, 1, false, false),
    OD(Kind.BINARY, true, 0, 8, false, false),
    OF(Kind.BINARY, true, 0, 4, false, false),
    OL(Kind.BINARY, true, 0, 4, false, false),
    OV(Kind.BINARY, true, 0, 8, false, false),
    OW(Kind.BINARY, true, 0, 2, false, false),
    PN(Kind.STRING, false, ' ', 0, true, true),
    SH(Kind.STRING, false, ' ', 0, true, true),
    SL(Kind.BINARY, false, 0, 4, false, false),
    SQ(Kind.SEQUENCE, true, 0, 0, false, false),
    SS(Kind.BINARY, false, 0, 2, false, false),
    ST(Kind.STRING, false, ' ', 0, false, true),
    SV(Kind.BINARY, true, 0, 8, false, false),
    TM(Kind.STRING, false, ' ', 0, true, false),
    UC(Kind.STRING, true, ' ', 0, true, true),
    UI(Kind.STRING, false, 0, 0, true, false),
    UL(Kind.BINARY, false, 0, 4, false, false),
    UN(Kind.BINARY, true, 0, 1, false, false),
    UR(Kind.STRING, true, ' ', 0, false, false),
    US(Kind.BINARY, false, 0, 2, false, false),
    UT(Kind.STRING, true, ' ', 0, false, true),
    UV(Kind.BINARY, true, 0, 8, false, false);

    /** What kind of value an element of this VR holds. */
    public enum Kind { STRING, BINARY, SEQUENCE }

    private final Kind kind;
    private final boolean longHeader;
    private final byte padding;
    private final int bytesPerValue;
    private final boolean multiValued;
    private final boolean charsetDependent;
    private final int code;

    VR(Kind kind, boolean longHeader, int padding, int bytesPerValue, boolean multiValued, boolean charsetDependent) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.padding = (byte) padding;
        this.bytesPerValue = bytesPerValue;
        this.multiValued = multiValued;
        this.charsetDependent = charsetDependent;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() { return kind; }

    public boolean isString() { return kind == Kind.STRING; }

    public boolean isSequence() { return kind == Kind.SEQUENCE; }

    /** True for OB, OD, OF, OL, OV, OW, UN: opaque byte or word streams, never split on backslash. */
    public boolean isBulk() {
        return this == OB || this == OD || this == OF || this == OL || this == OV || this == OW || this == UN;
    }

    /** PS3.5 7.1.2: explicit-VR header with 2 reserved bytes and a 4-byte length. */
    public boolean hasLongHeader() { return longHeader; }

    /** PS3.5 6.2: the byte that pads a value to even length (space for text, NUL for UI and binary). */
    public byte padding() { return padding; }

    /** Size of one binary value (AT counts as 4), 0 for strings and sequences. */
    public int bytesPerValue() { return bytesPerValue; }

    /** PS3.5 6.4: values separated by backslash (LT, ST, UT, UR are single-valued). */
    public boolean isMultiValuedString() { return multiValued; }

    /** PS3.5 6.1.2.3: the VRs whose values the Specific Character Set (0008,0005) governs. */
    public boolean isCharsetDependent() { return charsetDependent; }

    /** The two ASCII characters as a big-endian 16-bit code, as they appear in an explicit-VR stream. */
    public int code() { return code; }

    private static final VR[] BY_CODE = new VR[1 << 16];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    /** The VR for two header bytes, or {@code null} when they name none. */
    public static VR ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
