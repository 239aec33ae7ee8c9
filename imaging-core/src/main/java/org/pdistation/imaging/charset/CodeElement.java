package org.pdistation.imaging.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * One graphic character set that ISO/IEC 2022 designates to code element G0 or G1, with its escape sequence and the
 * JDK charset that holds its code table.
 *
 * <p>Escape sequences: PS3.3 C.12.1.1.2 Tables C.12-3 and C.12-4, PS3.5 Annex H Tables H.1-1/H.1-2 and Annex I
 * Table I.1-1 (PDI-REQUIREMENTS F.36). G0 is invoked in GL (bytes 0x21-0x7E), G1 in GR (0xA1-0xFE); DICOM uses no
 * locking or single shifts (PS3.5 6.1.2.5.1, 6.1.2.5.2), so the high bit alone says which element a byte belongs to.
 */
enum CodeElement {

    /** ISO-IR 6, ASCII: the default G0 (PS3.5 6.1.2.1). */
    ASCII(Slot.G0, "(B", "ISO-IR 6", 0),
    /**
     * ISO-IR 14, JIS X 0201 romaji. It differs from ASCII only at 05/12 (yen sign) and 07/14 (overline), and DICOM
     * reserves 05/12 as the value delimiter whatever its glyph (PS3.5 6.1.2.3 note 3), so it is read and written as
     * ASCII: a yen sign would otherwise be indistinguishable from the delimiter.
     */
    JIS_X0201_ROMAN(Slot.G0, "(J", "ISO-IR 14", 0),
    /** ISO-IR 13, JIS X 0201 katakana (half-width), G1 of ISO_IR 13. */
    JIS_X0201_KATAKANA(Slot.G1, ")I", "ISO-IR 13", 0, "JIS_X0201"),
    LATIN_1(Slot.G1, "-A", "ISO-IR 100", 0, "ISO-8859-1"),
    LATIN_2(Slot.G1, "-B", "ISO-IR 101", 0, "ISO-8859-2"),
    LATIN_3(Slot.G1, "-C", "ISO-IR 109", 0, "ISO-8859-3"),
    LATIN_4(Slot.G1, "-D", "ISO-IR 110", 0, "ISO-8859-4"),
    CYRILLIC(Slot.G1, "-L", "ISO-IR 144", 0, "ISO-8859-5"),
    ARABIC(Slot.G1, "-G", "ISO-IR 127", 0, "ISO-8859-6"),
    GREEK(Slot.G1, "-F", "ISO-IR 126", 0, "ISO-8859-7"),
    HEBREW(Slot.G1, "-H", "ISO-IR 138", 0, "ISO-8859-8"),
    LATIN_5(Slot.G1, "-M", "ISO-IR 148", 0, "ISO-8859-9"),
    LATIN_9(Slot.G1, "-b", "ISO-IR 203", 0, "ISO-8859-15"),
    /** ISO-IR 166, TIS 620-2533 Thai. ISO 8859-11 is the same table plus NO-BREAK SPACE at 0xA0. */
    THAI(Slot.G1, "-T", "ISO-IR 166", 0, "TIS-620", "x-iso-8859-11"),
    /** ISO-IR 87, JIS X 0208 kanji in G0; read through EUC-JP, which is the same table with the high bits set. */
    JIS_X0208(Slot.G0, "$B", "ISO-IR 87", 0, "EUC-JP"),
    /** ISO-IR 159, JIS X 0212 supplementary kanji in G0; EUC-JP code set 3 (SS3 0x8F prefix). */
    JIS_X0212(Slot.G0, "$(D", "ISO-IR 159", 0x8F, "EUC-JP"),
    /** ISO-IR 149, KS X 1001 in G1 (PS3.5 Annex I note 1); EUC-KR is exactly that G1 form. */
    KS_X1001(Slot.G1, "$)C", "ISO-IR 149", 0, "EUC-KR"),
    /** ISO-IR 58, GB 2312 in G1; EUC-CN is exactly that G1 form. */
    GB2312(Slot.G1, "$)A", "ISO-IR 58", 0, "GB2312", "x-EUC-CN");

    /** The code element a set is designated to. */
    enum Slot { G0, G1 }

    static final int ESC = 0x1B;

    private final Slot slot;
    /** The escape sequence without the leading ESC: intermediate bytes and final byte. */
    private final byte[] escapeTail;
    private final String registration;
    private final int eucPrefix;
    private final Charset charset;
    private final SingleByteTable table;
    private final boolean available;

    CodeElement(Slot slot, String escapeTail, String registration, int eucPrefix, String... charsetNames) {
        this.slot = slot;
        this.escapeTail = escapeTail.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.registration = registration;
        this.eucPrefix = eucPrefix;
        boolean doubleByte = escapeTail.startsWith("$");
        this.charset = doubleByte ? Charsets.firstSupported(charsetNames) : null;
        this.table = !doubleByte && charsetNames.length > 0 ? SingleByteTable.forFirstSupported(charsetNames) : null;
        this.available = charsetNames.length == 0 || charset != null || table != null;
    }

    Slot slot() {
        return slot;
    }

    /** True for 94x94 sets (two bytes a character), false for 94- and 96-character sets. */
    boolean isDoubleByte() {
        return escapeTail[0] == '$';
    }

    /** False when this runtime lacks the JDK charset holding the table. */
    boolean isAvailable() {
        return available;
    }

    /** The ISO registration, e.g. "ISO-IR 87", for messages. */
    String registration() {
        return registration;
    }

    /** The JDK charset of a double-byte set, in its EUC form. */
    Charset eucCharset() {
        return charset;
    }

    /** The EUC single-shift byte preceding each character (0x8F for JIS X 0212), or 0 for none. */
    int eucPrefix() {
        return eucPrefix;
    }

    /** Decodes a GR byte (0x80-0xFF) of a single-byte G1 set; {@link SingleByteTable#UNDEFINED} if not in it. */
    char decodeHigh(int b) {
        return table == null ? SingleByteTable.UNDEFINED : table.decode(b);
    }

    /**
     * The byte for {@code c} in a single-byte set, or -1 if the set lacks it. G0 sets hold 0x21-0x7E; SPACE and
     * control characters belong to no set and are handled by the encoder.
     */
    int encodeSingle(int c) {
        if (slot == Slot.G0) {
            return c > 0x20 && c < 0x7F ? c : -1;
        }
        return table == null ? -1 : table.encode(c);
    }

    /** Writes ESC and this set's designation. */
    void writeEscape(ByteArrayOutputStream out) {
        out.write(ESC);
        out.write(escapeTail, 0, escapeTail.length);
    }

    /** The escape sequence for messages, e.g. "ESC $ ) C". */
    String escapeText() {
        StringBuilder sb = new StringBuilder("ESC");
        for (byte b : escapeTail) {
            sb.append(' ').append((char) b);
        }
        return sb.toString();
    }

    /**
     * The set designated by the escape sequence whose bytes after ESC are {@code bytes[from..to)}, or {@code null}.
     * ESC $ @ (JIS C 6226-1978, the predecessor of JIS X 0208) is not a DICOM sequence but some Japanese systems
     * write it; it is read as ISO-IR 87, and the caller warns.
     */
    static CodeElement forEscape(byte[] bytes, int from, int to) {
        for (CodeElement element : values()) {
            if (java.util.Arrays.equals(element.escapeTail, 0, element.escapeTail.length, bytes, from, to)) {
                return element;
            }
        }
        if (to - from == 2 && bytes[from] == '$' && bytes[from + 1] == '@') {
            return JIS_X0208;
        }
        return null;
    }
}
