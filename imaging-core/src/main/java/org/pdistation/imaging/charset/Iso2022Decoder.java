package org.pdistation.imaging.charset;

import java.util.List;

/**
 * Decodes one element value of a single-byte or ISO/IEC 2022 character set (PS3.5 6.1.2.3 to 6.1.2.5).
 *
 * <p>State is the set designated to G0 and the one designated to G1. A byte below 0x80 belongs to G0, a byte from
 * 0xA0 up to G1 (G0 and G1 are always invoked in GL and GR, PS3.5 6.1.2.5.1). ESC sequences redesignate; the sets
 * of value 1 are designated again at every control character (CR, LF, FF, TAB), at every 05/12 and, in person
 * names, at every '^' and '=' (PS3.5 6.1.2.5.3). Delimiters are only recognised while G0 holds a single-byte set,
 * because the bytes of a two-byte G0 character may equal '\', '^' or '=' (e.g. JIS X 0208 "ま" is 0x24 0x5E).
 *
 * <p>Never throws: invalid bytes become U+FFFD and are reported. One instance per call; not thread-safe.
 */
final class Iso2022Decoder {

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final List<CharacterSetTerm> declared;
    private final boolean extensionsDeclared;
    private final boolean personName;
    private final DecodeReport report;
    private final DoubleByteCodec[] codecs = new DoubleByteCodec[CodeElement.values().length];
    private CodeElement g0;
    private CodeElement g1;
    private int valueStart;

    /**
     * @param initialG0          G0 designated by value 1 (ASCII when value 1 is empty)
     * @param initialG1          G1 designated by value 1, or {@code null}
     * @param declared           the sets of (0008,0005) in order, to pick a G1 when bytes use GR with none designated
     * @param extensionsDeclared whether (0008,0005) allows code extensions; escapes are still honoured if not, with a
     *                           warning
     */
    Iso2022Decoder(CodeElement initialG0, CodeElement initialG1, List<CharacterSetTerm> declared,
                   boolean extensionsDeclared, boolean personName, DecodeReport report) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = declared;
        this.extensionsDeclared = extensionsDeclared;
        this.personName = personName;
        this.report = report;
    }

    String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        valueStart = offset;
        g0 = initialG0;
        g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == CodeElement.ESC) {
                i = designate(bytes, i, end, out);
            } else if (b < 0x20) {
                // PS3.5 6.1.2.5.3: value 1 is active again at every line, page and other control character.
                out.append((char) b);
                restoreInitial();
                i++;
            } else if (b == 0x20 || b == 0x7F) {
                // SPACE (and DEL) are not part of any 94-character set; SPACE stays SPACE in every state (H.2).
                out.append((char) b);
                i++;
            } else if (b < 0x80) {
                i = decodeGl(bytes, i, end, out);
            } else {
                i = decodeGr(bytes, i, end, out);
            }
        }
        return out.toString();
    }

    /** Value 1's sets designated again; a G1 left undefined by value 1 keeps what was last designated. */
    private void restoreInitial() {
        g0 = initialG0;
        if (initialG1 != null) {
            g1 = initialG1;
        }
        // Conforming writers designate G1 again after each delimiter anyway (PS3.5 I.2 note 2); keeping the last
        // one when value 1 has no G1 only helps writers that did not.
    }

    private int decodeGl(byte[] bytes, int i, int end, StringBuilder out) {
        if (!g0.isDoubleByte()) {
            int b = bytes[i];
            if (b == '\\' || (personName && (b == '^' || b == '='))) {
                restoreInitial();
            }
            out.append((char) b);
            return i + 1;
        }
        int runEnd = i;
        while (runEnd < end && bytes[runEnd] >= 0x21 && bytes[runEnd] <= 0x7E) {
            runEnd++;
        }
        codec(g0).decodeRun(bytes, i, runEnd, valueStart, out, report);
        return runEnd;
    }

    private int decodeGr(byte[] bytes, int i, int end, StringBuilder out) {
        CodeElement set = g1;
        if (set == null) {
            set = fallbackG1();
            report.note("bytes from 0x80 with no G1 set designated read as " + set.registration());
        }
        int b = bytes[i] & 0xFF;
        if (!set.isDoubleByte()) {
            char c = set.decodeHigh(b);
            if (c == SingleByteTable.UNDEFINED) {
                report.invalid(i - valueStart, DecodeReport.hex(bytes, i, i + 1) + " not in " + set.registration());
            }
            out.append(c);
            return i + 1;
        }
        int runEnd = i;
        while (runEnd < end && (bytes[runEnd] & 0xFF) >= 0xA1 && (bytes[runEnd] & 0xFF) <= 0xFE) {
            runEnd++;
        }
        if (runEnd == i) {
            report.invalid(i - valueStart, DecodeReport.hex(bytes, i, i + 1) + " not in " + set.registration());
            out.append('\uFFFD');
            return i + 1;
        }
        codec(set).decodeRun(bytes, i, runEnd, valueStart, out, report);
        return runEnd;
    }

    /**
     * The G1 for GR bytes when none is designated: the first G1 set of (0008,0005) (e.g. KS X 1001 when a Korean
     * writer left out the escape), else ISO 8859-1, as the default repertoire is read tolerantly.
     */
    private CodeElement fallbackG1() {
        for (CharacterSetTerm term : declared) {
            if (term.g1() != null && term.g1().isAvailable()) {
                return term.g1();
            }
        }
        return CodeElement.LATIN_1;
    }

    /** Reads the escape sequence at {@code i}; returns the index after it. */
    private int designate(byte[] bytes, int i, int end, StringBuilder out) {
        int j = i + 1;
        while (j < end && bytes[j] >= 0x20 && bytes[j] <= 0x2F) {
            j++; // intermediate bytes
        }
        if (j >= end || bytes[j] < 0x30 || bytes[j] > 0x7E) {
            int stop = Math.min(j, end);
            report.invalid(i - valueStart, DecodeReport.hex(bytes, i, stop) + ": incomplete escape sequence");
            out.append('\uFFFD');
            return stop;
        }
        int after = j + 1;
        CodeElement element = CodeElement.forEscape(bytes, i + 1, after);
        if (element == null || !element.isAvailable()) {
            report.invalid(i - valueStart, DecodeReport.hex(bytes, i, after) + ": unsupported escape sequence");
            out.append('\uFFFD');
            return after;
        }
        if (after - i == 3 && bytes[i + 1] == '$' && bytes[i + 2] == '@') {
            report.note("ESC $ @ (JIS C 6226-1978) read as ISO-IR 87, ESC $ B");
        }
        if (!extensionsDeclared) {
            report.note("escape sequence " + element.escapeText()
                    + " although (0008,0005) allows no code extensions; honoured");
        } else if (!isDeclared(element)) {
            report.note("escape sequence " + element.escapeText() + " designates " + element.registration()
                    + ", which (0008,0005) does not list; honoured");
        }
        if (element.slot() == CodeElement.Slot.G0) {
            g0 = element;
        } else {
            g1 = element;
        }
        return after;
    }

    private boolean isDeclared(CodeElement element) {
        if (element == CodeElement.ASCII || element == initialG0 || element == initialG1) {
            return true;
        }
        for (CharacterSetTerm term : declared) {
            if (term.g0() == element || term.g1() == element) {
                return true;
            }
        }
        return false;
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
