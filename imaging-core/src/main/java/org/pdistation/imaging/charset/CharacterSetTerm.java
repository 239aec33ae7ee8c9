package org.pdistation.imaging.charset;

import java.nio.charset.Charset;

/**
 * The Defined Terms of Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 Tables C.12-2 to C.12-5, with the code
 * elements each term designates.
 *
 * <p>A term of Tables C.12-2/C.12-3 has a plain form ("ISO_IR 100", no code extensions) and an ISO 2022 form
 * ("ISO 2022 IR 100"); the multi-byte sets with code extensions (Table C.12-4) have only the ISO 2022 form; UTF-8,
 * GB18030 and GBK (Table C.12-5) have only the plain form and are not ISO 2022 at all (PS3.5 6.1.2.4 note 3).
 */
enum CharacterSetTerm {

    IR_6("ISO_IR 6", "ISO 2022 IR 6", CodeElement.ASCII, null),
    IR_100("ISO_IR 100", "ISO 2022 IR 100", CodeElement.ASCII, CodeElement.LATIN_1),
    IR_101("ISO_IR 101", "ISO 2022 IR 101", CodeElement.ASCII, CodeElement.LATIN_2),
    IR_109("ISO_IR 109", "ISO 2022 IR 109", CodeElement.ASCII, CodeElement.LATIN_3),
    IR_110("ISO_IR 110", "ISO 2022 IR 110", CodeElement.ASCII, CodeElement.LATIN_4),
    IR_144("ISO_IR 144", "ISO 2022 IR 144", CodeElement.ASCII, CodeElement.CYRILLIC),
    IR_127("ISO_IR 127", "ISO 2022 IR 127", CodeElement.ASCII, CodeElement.ARABIC),
    IR_126("ISO_IR 126", "ISO 2022 IR 126", CodeElement.ASCII, CodeElement.GREEK),
    IR_138("ISO_IR 138", "ISO 2022 IR 138", CodeElement.ASCII, CodeElement.HEBREW),
    IR_148("ISO_IR 148", "ISO 2022 IR 148", CodeElement.ASCII, CodeElement.LATIN_5),
    IR_203("ISO_IR 203", "ISO 2022 IR 203", CodeElement.ASCII, CodeElement.LATIN_9),
    IR_166("ISO_IR 166", "ISO 2022 IR 166", CodeElement.ASCII, CodeElement.THAI),
    /** JIS X 0201: romaji as G0 and katakana as G1 (PS3.5 H.1.1, Table H.1-1). */
    IR_13("ISO_IR 13", "ISO 2022 IR 13", CodeElement.JIS_X0201_ROMAN, CodeElement.JIS_X0201_KATAKANA),
    IR_87(null, "ISO 2022 IR 87", CodeElement.JIS_X0208, null),
    IR_159(null, "ISO 2022 IR 159", CodeElement.JIS_X0212, null),
    IR_149(null, "ISO 2022 IR 149", null, CodeElement.KS_X1001),
    IR_58(null, "ISO 2022 IR 58", null, CodeElement.GB2312),
    IR_192("ISO_IR 192", null, "UTF-8"),
    GB18030("GB18030", null, "GB18030"),
    GBK("GBK", null, "GBK");

    private final String plainTerm;
    private final String extensionTerm;
    private final CodeElement g0;
    private final CodeElement g1;
    private final Charset variableLengthCharset;

    CharacterSetTerm(String plainTerm, String extensionTerm, CodeElement g0, CodeElement g1) {
        this.plainTerm = plainTerm;
        this.extensionTerm = extensionTerm;
        this.g0 = g0;
        this.g1 = g1;
        this.variableLengthCharset = null;
    }

    CharacterSetTerm(String plainTerm, String extensionTerm, String charsetName) {
        this.plainTerm = plainTerm;
        this.extensionTerm = extensionTerm;
        this.g0 = null;
        this.g1 = null;
        this.variableLengthCharset = Charsets.firstSupported(charsetName);
    }

    /** The Defined Term without code extensions, or {@code null} if there is none (Table C.12-4 sets). */
    String plainTerm() {
        return plainTerm;
    }

    /** The "ISO 2022 IR n" Defined Term, or {@code null} for UTF-8, GB18030 and GBK. */
    String extensionTerm() {
        return extensionTerm;
    }

    /** The set designated to G0, or {@code null}. */
    CodeElement g0() {
        return g0;
    }

    /** The set designated to G1, or {@code null}. */
    CodeElement g1() {
        return g1;
    }

    /** UTF-8, GB18030 and GBK: a variable-length code that allows no code extensions (PS3.5 6.1.2.5.4 d). */
    boolean isVariableLength() {
        return g0 == null && g1 == null;
    }

    /** A single-byte set that can be value 1, i.e. the initial set (PS3.5 6.1.2.5.4 b and c). */
    boolean isSingleByte() {
        return g0 != null && !g0.isDoubleByte();
    }

    /** The JDK charset of a variable-length term, or {@code null} (also when the runtime lacks it). */
    Charset variableLengthCharset() {
        return variableLengthCharset;
    }

    /** False when this runtime lacks a JDK charset the term needs. */
    boolean isAvailable() {
        if (isVariableLength()) {
            return variableLengthCharset != null;
        }
        return (g0 == null || g0.isAvailable()) && (g1 == null || g1.isAvailable());
    }

    /** The term for an ISO registration number, or {@code null}. */
    static CharacterSetTerm forRegistration(int number) {
        for (CharacterSetTerm term : values()) {
            String t = term.extensionTerm != null ? term.extensionTerm : term.plainTerm;
            if (t.startsWith("ISO") && t.endsWith(" " + number)) {
                return term;
            }
        }
        return null;
    }
}
