package org.pdistation.imaging.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What real files get wrong, and how it is tolerated (PDI-REQUIREMENTS F.39): warn, fall back, never throw. */
class SpecificCharacterSetToleranceTest {

    private static String decode(SpecificCharacterSet cs, byte[] bytes, boolean personName, List<String> warnings) {
        return cs.decode(bytes, 0, bytes.length, personName, warnings::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-IR 100", "ISO_IR100", "iso_ir 100", "ISO IR 100", "ISO_IR_100", "ISO-8859-1"})
    void misspelledLatin1TermIsReadWithAWarning(String term) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(term);
        assertEquals(List.of("ISO_IR 100"), cs.terms());
        assertEquals(1, cs.warnings().size(), cs.warnings().toString());
        assertTrue(cs.warnings().get(0).contains(term), cs.warnings().get(0));
        assertEquals(SpecificCharacterSet.of("ISO_IR 100"), cs);
    }

    @Test
    void paddingIsNotAMisspelling() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 100 ", "");
        assertEquals(List.of("ISO_IR 100"), cs.terms());
        assertEquals(1, cs.warnings().size(), "only the empty second value: " + cs.warnings());
        assertEquals(List.of(), SpecificCharacterSet.of(" ISO_IR 192\0").warnings());
    }

    @Test
    void emptyFirstValueMeansIsoIr6WithCodeExtensions() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        assertEquals(List.of(), cs.warnings(), "an empty value 1 is legal (PS3.5 6.1.2.5.4 c)");
        assertEquals(List.of("", "ISO 2022 IR 87"), cs.terms());
        assertTrue(cs.usesCodeExtensions());
        SpecificCharacterSet nullFirst = SpecificCharacterSet.of(null, "ISO 2022 IR 87");
        assertEquals(cs, nullFirst);
    }

    @Test
    void unknownTermFallsBackToDefaultReadingHighBytesAsLatin1() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertEquals(1, cs.warnings().size());
        assertTrue(cs.warnings().get(0).contains("ISO_IR 999"), cs.warnings().get(0));
        assertTrue(cs.isDefault());
        assertEquals(SpecificCharacterSet.DEFAULT, cs);
        List<String> warnings = new ArrayList<>();
        assertEquals("Jérôme", decode(cs, Bytes.of("'J' 0xE9 'r' 0xF4 'me'"), false, warnings));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void unknownLaterTermIsIgnored() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "KLINGON");
        assertEquals(List.of("", "ISO 2022 IR 87"), cs.terms());
        assertEquals(1, cs.warnings().size());
    }

    @Test
    void plainTermsInAMultiValuedSetAreReadAsIso2022Terms() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 100", "ISO_IR 87");
        assertEquals(List.of("ISO 2022 IR 100", "ISO 2022 IR 87"), cs.terms());
        assertEquals(2, cs.warnings().size(), cs.warnings().toString());
    }

    @Test
    void utf8CannotBeCombinedWithOtherSets() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87");
        assertEquals(List.of("ISO_IR 192"), cs.terms());
        assertEquals(1, cs.warnings().size());
        SpecificCharacterSet afterEmpty = SpecificCharacterSet.of("", "ISO_IR 192");
        assertEquals(SpecificCharacterSet.UTF_8, afterEmpty);
        assertEquals(1, afterEmpty.warnings().size());
        SpecificCharacterSet alias = SpecificCharacterSet.of("UTF-8");
        assertEquals(SpecificCharacterSet.UTF_8, alias);
        assertEquals(1, alias.warnings().size());
    }

    @Test
    void multiByteValue1LeavesAsciiAsInitialSet() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 87");
        assertEquals(1, cs.warnings().size());
        byte[] bytes = Bytes.of(SpecificCharacterSetGoldenVectorsTest.H31);
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.decode(bytes, 0, bytes.length, true));
        assertEquals(SpecificCharacterSetTest.escaped(bytes), SpecificCharacterSetTest.escaped(cs.encode(
                "Yamada^Tarou=山田^太郎=やまだ^たろう", true)));
    }

    @Test
    void invalidUtf8BytesAreReplacedAndReported() {
        List<String> warnings = new ArrayList<>();
        String decoded = decode(SpecificCharacterSet.UTF_8, Bytes.of("'a' 0xC3 0x28 'b' 0xFF"), false, warnings);
        assertEquals("a\uFFFD(b\uFFFD", decoded);
        assertEquals(1, warnings.size(), "one summary warning per value: " + warnings);
        assertTrue(warnings.get(0).startsWith("2 invalid byte sequences"), warnings.get(0));
        assertTrue(warnings.get(0).contains("offset 1"), warnings.get(0));
    }

    @Test
    void invalidBytesDecodeWithoutSinkToo() {
        assertEquals("\uFFFD", SpecificCharacterSet.of("GB18030").decode(new byte[] {(byte) 0x81}, 0, 1, false));
    }

    @Test
    void byteUndefinedInHebrewIsReplaced() {
        List<String> warnings = new ArrayList<>();
        // 0xA1 is unassigned in ISO 8859-8.
        assertEquals("\uFFFD\u05E9", decode(SpecificCharacterSet.of("ISO_IR 138"), Bytes.of("0xA1 0xF9"), false,
                warnings));
        assertEquals(1, warnings.size());
    }

    @Test
    void halfAKanjiIsReplaced() {
        List<String> warnings = new ArrayList<>();
        byte[] bytes = Bytes.of("ESC 02/04 04/02 03/11 03/03 04/05 ESC 02/08 04/02 'x'");
        assertEquals("山\uFFFDx", decode(SpecificCharacterSet.of("", "ISO 2022 IR 87"), bytes, false, warnings));
        assertEquals(1, warnings.size());
    }

    @Test
    void pairOutsideKsX1001IsReplaced() {
        List<String> warnings = new ArrayList<>();
        // Row 0x2F (0xAF in GR) of KS X 1001 is unassigned.
        byte[] bytes = Bytes.of("ESC 02/04 02/09 04/03 0xAF 0xA1 0xFB 0xF3");
        assertEquals("\uFFFD洪", decode(SpecificCharacterSet.of("", "ISO 2022 IR 149"), bytes, true, warnings));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void unsupportedAndTruncatedEscapeSequencesAreReplaced() {
        List<String> warnings = new ArrayList<>();
        byte[] bytes = Bytes.of("'a' ESC 02/04 02/08 04/15 'b' ESC 02/04");
        assertEquals("a\uFFFDb\uFFFD", decode(SpecificCharacterSet.of("", "ISO 2022 IR 87"), bytes, false,
                warnings));
        assertTrue(warnings.get(0).startsWith("2 invalid"), warnings.toString());
    }

    @Test
    void escapeSequencesAreHonouredEvenWithoutDeclaredCodeExtensions() {
        // A file without (0008,0005) that nevertheless holds ISO 2022 Japanese.
        List<String> warnings = new ArrayList<>();
        byte[] bytes = Bytes.of(SpecificCharacterSetGoldenVectorsTest.H31);
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう",
                decode(SpecificCharacterSet.DEFAULT, bytes, true, warnings));
        assertFalse(warnings.isEmpty());
    }

    @Test
    void oldJisEscapeIsReadAsJisX0208() {
        List<String> warnings = new ArrayList<>();
        byte[] bytes = Bytes.of("ESC 02/04 04/00 03/11 03/03 ESC 02/08 04/02");
        assertEquals("山", decode(SpecificCharacterSet.of("", "ISO 2022 IR 87"), bytes, false, warnings));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void koreanWithoutEscapeUsesTheDeclaredG1Set() {
        List<String> warnings = new ArrayList<>();
        assertEquals("洪", decode(SpecificCharacterSet.of("", "ISO 2022 IR 149"), Bytes.of("0xFB 0xF3"), true,
                warnings));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void neverThrowsOnArbitraryBytes() {
        java.util.Random random = new java.util.Random(42);
        SpecificCharacterSet[] sets = {SpecificCharacterSet.DEFAULT, SpecificCharacterSet.UTF_8,
            SpecificCharacterSet.of("GB18030"), SpecificCharacterSet.of("GBK"), SpecificCharacterSet.of("ISO_IR 166"),
            SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"),
            SpecificCharacterSet.of("", "ISO 2022 IR 149", "ISO 2022 IR 58")};
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            if (round % 3 == 0 && bytes.length > 3) {
                bytes[random.nextInt(bytes.length - 3)] = 0x1B;
            }
            for (SpecificCharacterSet cs : sets) {
                cs.decode(bytes, 0, bytes.length, round % 2 == 0, w -> { });
            }
        }
    }
}
