package org.pdistation.imaging.charset;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes one element value in a single-byte or ISO/IEC 2022 character set (PS3.5 6.1.2.5).
 *
 * <p>Each character goes to the first set, in the order of the values of (0008,0005), that holds it; an escape
 * sequence is written only when that set is not the one designated to its code element. Value 1's sets are
 * designated again before every control character, every '\' and, in person names, every '^' and '=', and at the
 * end of the value (PS3.5 6.1.2.5.3). A G1 left undefined by value 1 needs no escape back; after a delimiter it counts
 * as undefined, so the next use designates it again, as in PS3.5 Annex I.2. This reproduces the examples of
 * PS3.5 Annexes H and I byte for byte.
 *
 * <p>One instance per call; not thread-safe.
 */
final class Iso2022Encoder {

    private final List<CharacterSetTerm> sets;
    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final DoubleByteCodec[] codecs = new DoubleByteCodec[CodeElement.values().length];
    private CodeElement g0;
    private CodeElement g1;
    private int failedIndex = -1;

    Iso2022Encoder(List<CharacterSetTerm> sets, CodeElement initialG0, CodeElement initialG1) {
        this.sets = sets;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    /** The index of the character that made {@link #encode} return {@code null}. */
    int failedIndex() {
        return failedIndex;
    }

    /**
     * The bytes of {@code value}, or {@code null} if a character cannot be encoded (see {@link #failedIndex()}).
     *
     * @param personName whether '^' and '=' delimit name components and component groups (VR PN)
     */
    byte[] encode(String value, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 16);
        g0 = initialG0;
        g1 = initialG1;
        boolean lineStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (lineStart && !personName) {
                designateAtLineHead(value, i, out);
            }
            lineStart = false;
            if (c == CodeElement.ESC) {
                // ESC is reserved for code extension (PS3.5 6.1.3); a literal one would be read as a designation.
                return fail(i);
            }
            if (c < 0x20 || c == 0x7F || c == '\\' || (personName && (c == '^' || c == '='))) {
                restoreInitial(out);
                out.write(c);
                g0 = initialG0;
                g1 = initialG1;
                lineStart = true;
                continue;
            }
            if (c == ' ') {
                out.write(' '); // SPACE is valid whatever G0 holds (PS3.5 H.2)
                continue;
            }
            if (!encodeCharacter(c, out)) {
                return fail(i);
            }
        }
        restoreInitial(out);
        return out.toByteArray();
    }

    /**
     * In text, a G1 set is designated at the head of the line that first needs it, as PS3.5 I.3 shows ("the escape
     * sequence in the head of line"); ASCII and the G1 set then mix freely in that line. Person names keep the
     * designation right before the characters (PS3.5 I.2).
     */
    private void designateAtLineHead(String value, int from, ByteArrayOutputStream out) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') {
                return;
            }
            if (c >= 0x80) {
                CodeElement element = elementFor(c);
                if (element != null && element.slot() == CodeElement.Slot.G1) {
                    designate(element, out);
                }
                return;
            }
        }
    }

    /** The first declared code element that holds {@code c}, or null. */
    private CodeElement elementFor(char c) {
        for (CharacterSetTerm term : sets) {
            for (CodeElement e : new CodeElement[] {term.g0(), term.g1()}) {
                if (e != null && (e.isDoubleByte() ? codec(e).encode(c) : e.encodeSingle(c)) >= 0) {
                    return e;
                }
            }
        }
        return null;
    }

    private byte[] fail(int index) {
        failedIndex = index;
        return null;
    }

    /** Writes {@code c} in the first declared set that holds it; false if none does. */
    private boolean encodeCharacter(char c, ByteArrayOutputStream out) {
        for (CharacterSetTerm term : sets) {
            if (tryElement(term.g0(), c, out) || tryElement(term.g1(), c, out)) {
                return true;
            }
        }
        return false;
    }

    private boolean tryElement(CodeElement element, char c, ByteArrayOutputStream out) {
        if (element == null) {
            return false;
        }
        int code;
        if (element.isDoubleByte()) {
            code = codec(element).encode(c);
        } else {
            code = element.encodeSingle(c);
        }
        if (code < 0) {
            return false;
        }
        designate(element, out);
        if (element.isDoubleByte()) {
            out.write(code >>> 8);
        }
        out.write(code & 0xFF);
        return true;
    }

    private void designate(CodeElement element, ByteArrayOutputStream out) {
        if (element.slot() == CodeElement.Slot.G0) {
            if (g0 != element) {
                element.writeEscape(out);
                g0 = element;
            }
        } else if (g1 != element) {
            element.writeEscape(out);
            g1 = element;
        }
    }

    /** Designates value 1's sets again where they were replaced (PS3.5 6.1.2.5.3). */
    private void restoreInitial(ByteArrayOutputStream out) {
        if (g0 != initialG0) {
            initialG0.writeEscape(out);
            g0 = initialG0;
        }
        if (initialG1 != null && g1 != initialG1) {
            initialG1.writeEscape(out);
            g1 = initialG1;
        }
    }

    private DoubleByteCodec codec(CodeElement element) {
        DoubleByteCodec codec = codecs[element.ordinal()];
        if (codec == null) {
            codec = new DoubleByteCodec(element);
            codecs[element.ordinal()] = codec;
        }
        return codec;
    }
}
