package org.pdistation.imaging.charset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The character set of a data set, as given by Specific Character Set (0008,0005): decodes and encodes the values of
 * SH, LO, ST, LT, UT, UC and PN (PS3.5 6.1.2.2, PDI-REQUIREMENTS F.35-F.40).
 *
 * <p>Value 1 is the initial set: ISO-IR 6 when absent or empty, else a single-byte set designated as G0 and G1
 * (PS3.5 6.1.2.5.4). With more than one value, ISO/IEC 2022 escape sequences switch sets within a value
 * ({@link Iso2022Decoder}, {@link Iso2022Encoder}). UTF-8, GB18030 and GBK are whole-value codes without extensions.
 *
 * <p>Immutable and thread-safe; decode and encode create their small per-call state.
 */
public final class SpecificCharacterSet {

    /** No (0008,0005), or ISO_IR 6: the default repertoire. Bytes from 0x80 are read as ISO 8859-1 with a warning. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(TermParser.parse());
    /** ISO_IR 192, Unicode in UTF-8. */
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(TermParser.parse("ISO_IR 192"));

    private final List<String> terms;
    private final List<CharacterSetTerm> sets;
    private final List<String> warnings;
    /** Non-null for UTF-8, GB18030 and GBK. */
    private final CharacterSetTerm variableLength;
    private final boolean codeExtensions;
    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final String name;

    private SpecificCharacterSet(TermParser.Result parsed) {
        this.terms = parsed.terms();
        this.warnings = parsed.warnings();
        List<CharacterSetTerm> declared = parsed.sets().isEmpty() ? List.of(CharacterSetTerm.IR_6) : parsed.sets();
        CharacterSetTerm first = declared.get(0);
        if (!first.isSingleByte() && !first.isVariableLength()) {
            // A two-byte value 1 is tolerated (TermParser warned): ISO-IR 6 is the initial set, so it must be usable.
            List<CharacterSetTerm> withAscii = new java.util.ArrayList<>(declared);
            withAscii.add(0, CharacterSetTerm.IR_6);
            declared = List.copyOf(withAscii);
        }
        this.sets = declared;
        this.variableLength = first.isVariableLength() ? first : null;
        this.codeExtensions = terms.size() > 1 || (terms.size() == 1 && terms.get(0).startsWith("ISO 2022"));
        // PS3.5 6.1.2.5.4: value 1 designates G0 and G1; a multi-byte or empty value 1 leaves ASCII in G0, G1 empty.
        this.initialG0 = first.isSingleByte() ? first.g0() : CodeElement.ASCII;
        this.initialG1 = first.isSingleByte() ? first.g1() : null;
        this.name = terms.isEmpty() ? "ISO_IR 6" : String.join("\\", terms);
    }

    /**
     * The character set for the values of (0008,0005) as read, padding and all. Absent, {@code null} or empty
     * values give {@link #DEFAULT}; unknown and misspelled terms are tolerated and listed in {@link #warnings()}.
     * Never throws.
     */
    public static SpecificCharacterSet of(String... values) {
        TermParser.Result parsed = TermParser.parse(values);
        if (parsed.warnings().isEmpty()) {
            if (parsed.terms().isEmpty()) {
                return DEFAULT;
            }
            if (parsed.terms().equals(UTF_8.terms)) {
                return UTF_8;
            }
        }
        return new SpecificCharacterSet(parsed);
    }

    /** What was tolerated while reading the terms (unknown term and its fallback, misspelling); empty when clean. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The normalised Defined Terms in order. An empty value 1 stays "" (it means ISO-IR 6 with code extensions);
     * {@link #DEFAULT} has no terms, as "ISO_IR 6" alone is the same as no (0008,0005).
     */
    public List<String> terms() {
        return terms;
    }

    /** Whether only the default repertoire ISO-IR 6 is in use. */
    public boolean isDefault() {
        return terms.isEmpty();
    }

    /** Whether ISO/IEC 2022 code extensions are allowed (more than one value, or an "ISO 2022 IR" term). */
    public boolean usesCodeExtensions() {
        return codeExtensions;
    }

    /**
     * Decodes one element value (all its backslash-separated values); invalid bytes become U+FFFD. Never throws for
     * any content of {@code bytes}.
     *
     * @param personName true for VR PN: the initial set is also restored before '^' and '='
     */
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        return decode(bytes, offset, length, personName, null);
    }

    /**
     * Like {@link #decode(byte[], int, int, boolean)}, reporting what was tolerated (bytes invalid in the declared
     * set, escape sequences not allowed by (0008,0005)) to {@code warningSink}, at most once per kind and call.
     *
     * @param warningSink receives warnings, or {@code null}
     */
    public String decode(byte[] bytes, int offset, int length, boolean personName, Consumer<String> warningSink) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (isPlainAscii(bytes, offset, length)) {
            // The common case: every set here has ASCII (or JIS X 0201 romaji, read as ASCII) as its initial G0.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        DecodeReport report = new DecodeReport(warningSink, name);
        String decoded;
        if (variableLength != null) {
            decoded = VariableLengthCodec.decode(variableLength.variableLengthCharset(), bytes, offset, length, report);
        } else {
            decoded = new Iso2022Decoder(initialG0, initialG1, sets, codeExtensions, personName, report)
                    .decode(bytes, offset, length);
        }
        report.flush();
        return decoded;
    }

    /** No byte from 0x80 and no ESC: decodes the same in every supported set. */
    private static boolean isPlainAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b < 0 || b == CodeElement.ESC) {
                return false;
            }
        }
        return true;
    }

    /**
     * Encodes one element value (all its backslash-separated values).
     *
     * @param personName true for VR PN: the initial set is also restored before '^' and '='
     * @throws UnencodableStringException if a character cannot be represented in this character set
     */
    public byte[] encode(String value, boolean personName) {
        int[] failed = {-1};
        byte[] bytes = tryEncode(value, personName, failed);
        if (bytes == null) {
            throw new UnencodableStringException(value, failed[0], name);
        }
        return bytes;
    }

    /** Whether {@link #encode} would succeed for {@code value}. */
    public boolean canEncode(String value) {
        return tryEncode(value, false, new int[1]) != null;
    }

    private byte[] tryEncode(String value, boolean personName, int[] failed) {
        if (isPlainAscii(value)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (variableLength != null) {
            return VariableLengthCodec.encode(variableLength.variableLengthCharset(), value, failed);
        }
        Iso2022Encoder encoder = new Iso2022Encoder(sets, initialG0, initialG1);
        byte[] bytes = encoder.encode(value, personName);
        failed[0] = encoder.failedIndex();
        return bytes;
    }

    /** Only characters below 0x80 and no ESC: encodes the same in every supported set. */
    private static boolean isPlainAscii(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == CodeElement.ESC) {
                return false;
            }
        }
        return true;
    }

    /** Equal when the normalised terms are equal; warnings do not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return "SpecificCharacterSet[" + name + "]";
    }
}
