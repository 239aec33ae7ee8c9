package org.pdistation.imaging.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of {@link SpecificCharacterSet}: code extension rules, round trips and encoding errors. */
class SpecificCharacterSetTest {

    private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    private static final SpecificCharacterSet KOREAN = SpecificCharacterSet.of("", "ISO 2022 IR 149");

    private static String decode(SpecificCharacterSet cs, byte[] bytes, boolean personName) {
        return cs.decode(bytes, 0, bytes.length, personName);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ISO_IR 100 | Buc^Jérôme=Äneas Rüdiger ß ÿ
            ISO_IR 101 | Dvořák^Łukasz Ő Ű
            ISO_IR 109 | Ġużeppi Ħ ĉ ŭ
            ISO_IR 110 | Ķēniņš Ŗ ŧ
            ISO_IR 144 | Люкceмбypг^Иван
            ISO_IR 127 | قباني^لنزار
            ISO_IR 126 | Διονυσιος^Ωμέγα
            ISO_IR 138 | שרון^דבורה
            ISO_IR 148 | Şükrü^Ğİı
            ISO_IR 203 | €uro Œuvre Š ž Ÿ
            ISO_IR 166 | สมชาย^ใจดี ๑๒๓
            ISO_IR 13  | ｱｲｳｴｵ^ﾔﾏﾀﾞ
            ISO_IR 192 | Ελληνικά 日本語 한국어 😀
            GB18030    | 王^小东 😀
            """)
    void singleValuedSetsRoundTrip(String term, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(term);
        assertEquals(List.of(), cs.warnings());
        assertFalse(cs.usesCodeExtensions());
        byte[] bytes = cs.encode(text, true);
        for (byte b : bytes) {
            assertNotEquals(0x1B, b, "no escape sequences without code extensions");
        }
        assertEquals(text, decode(cs, bytes, true));
    }

    @Test
    void latin1EncodesOneBytePerCharacter() {
        assertEquals("42 75 63 5E 4A E9 72 F4 6D 65",
                Bytes.hex(SpecificCharacterSet.of("ISO_IR 100").encode("Buc^Jérôme", true)));
    }

    @Test
    void restoresInitialSetBeforeCaretInPersonNames() {
        // PS3.5 6.1.2.5.3: value 1 (here: G1 undefined) is active again before '^'; so KS X 1001 is designated again.
        assertEquals("ESC $ ) C FB F3 5E ESC $ ) C D1 CE", escaped(KOREAN.encode("洪^吉", true)));
        // Outside person names '^' is an ordinary character: KS X 1001 stays designated in G1.
        assertEquals("ESC $ ) C FB F3 5E D1 CE", escaped(KOREAN.encode("洪^吉", false)));
    }

    @Test
    void restoresInitialSetBeforeEqualsInPersonNamesWhenDecoding() {
        // Value 1 designates ISO 8859-1 as G1; ESC - L switches G1 to Cyrillic. In a person name '=' brings back
        // Latin-1, so 0xE9 after it is 'é'; in other text Cyrillic stays, and 0xE9 is 'щ'.
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] bytes = Bytes.of("ESC 02/13 04/12 0xB8 '=' 0xE9");
        assertEquals("И=é", decode(cs, bytes, true));
        assertEquals("И=щ", decode(cs, bytes, false));
        assertEquals("ESC - L B8 ESC - A 3D E9", escaped(cs.encode("И=é", true)));
    }

    @Test
    void restoresInitialSetAtValueDelimiter() {
        assertEquals("ESC $ B 3B 33 ESC ( B 5C ESC $ B 45 44 ESC ( B", escaped(JAPANESE.encode("山\\田", false)));
        assertEquals("山\\田", decode(JAPANESE, JAPANESE.encode("山\\田", false), false));
    }

    @Test
    void restoresInitialSetAtLineEndsAndTabs() {
        byte[] bytes = JAPANESE.encode("山\r\n田\t", false);
        assertEquals("ESC $ B 3B 33 ESC ( B 0D 0A ESC $ B 45 44 ESC ( B 09", escaped(bytes));
        // A writer that omitted the switch back: the decoder still resets at CR, so 'A' is ASCII again.
        byte[] sloppy = Bytes.of("ESC 02/04 04/02 03/11 03/03 0x0d 0x0a 'A'");
        assertEquals("山\r\nA", decode(JAPANESE, sloppy, false));
    }

    @Test
    void keepsDelimiterBytesInsideTwoByteCharacters() {
        // "ま" is 0x24 0x5E in JIS X 0208: the 0x5E is not a '^' delimiter while G0 holds a two-byte set.
        byte[] bytes = Bytes.of("ESC 02/04 04/02 02/04 05/14 01/11 02/08 04/02");
        assertEquals("ま", decode(JAPANESE, bytes, true));
    }

    @Test
    void spaceNeedsNoSwitchInsideKanji() {
        // PS3.5 H.2: unlike ISO-2022-JP-2, DICOM does not require a switch to a single-byte set for SPACE.
        byte[] bytes = JAPANESE.encode("山田 太郎", true);
        assertEquals("ESC $ B 3B 33 45 44 20 42 40 4F 3A ESC ( B", escaped(bytes));
        assertEquals("山田 太郎", decode(JAPANESE, bytes, true));
    }

    @Test
    void picksTheFirstDeclaredSetThatHoldsTheCharacter() {
        // 丂 is in JIS X 0212 (ISO-IR 159) only; 山 is in JIS X 0208, listed first.
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        byte[] bytes = cs.encode("山丂", false);
        assertEquals("ESC $ B 3B 33 ESC $ ( D 30 21 ESC ( B", escaped(bytes));
        assertEquals("山丂", decode(cs, bytes, false));
    }

    @Test
    void mixesKatakanaInG1WithKanjiInG0() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        byte[] bytes = cs.encode("ﾔ山ﾏ", false);
        // The katakana stays in G1 while G0 holds kanji, so no escape is needed around it.
        assertEquals("D4 ESC $ B 3B 33 CF ESC ( J", escaped(bytes));
        assertEquals("ﾔ山ﾏ", decode(cs, bytes, false));
    }

    @Test
    void encodesPureAsciiWithoutEscapes() {
        assertEquals("Yamada^Tarou", new String(JAPANESE.encode("Yamada^Tarou", true), StandardCharsets.US_ASCII));
    }

    @Test
    void unencodableCharacterThrowsWithItsIndex() {
        SpecificCharacterSet latin1 = SpecificCharacterSet.of("ISO_IR 100");
        UnencodableStringException e = assertThrows(UnencodableStringException.class,
                () -> latin1.encode("Jérôme 山田", true));
        assertEquals(7, e.index());
        assertEquals('山', e.codePoint());
        assertTrue(e.getMessage().contains("ISO_IR 100"), e.getMessage());
        assertFalse(latin1.canEncode("山"));
        assertTrue(latin1.canEncode("Jérôme"));
    }

    @Test
    void defaultRepertoireEncodesOnlyAscii() {
        UnencodableStringException e = assertThrows(UnencodableStringException.class,
                () -> SpecificCharacterSet.DEFAULT.encode("Buc^Jérôme", true));
        assertEquals(5, e.index());
    }

    @Test
    void hangulIsUnencodableInJapanese() {
        assertEquals(2, assertThrows(UnencodableStringException.class,
                () -> JAPANESE.encode("山田홍", true)).index());
    }

    @Test
    void loneSurrogateIsUnencodableInUtf8() {
        assertEquals(1, assertThrows(UnencodableStringException.class,
                () -> SpecificCharacterSet.UTF_8.encode("a\uD800b", false)).index());
    }

    @Test
    void characterOutsideGbkIsUnencodable() {
        assertEquals(2, assertThrows(UnencodableStringException.class,
                () -> SpecificCharacterSet.of("GBK").encode("王^😀", true)).index());
        assertTrue(SpecificCharacterSet.of("GB18030").canEncode("王^😀"));
    }

    @Test
    void literalEscapeCharacterIsUnencodable() {
        // ESC is reserved for code extension (PS3.5 6.1.3); writing one would corrupt the value.
        assertEquals(1, assertThrows(UnencodableStringException.class,
                () -> JAPANESE.encode("a\u001Bb", false)).index());
    }

    @Test
    void asciiBytesDecodeOnTheFastPathInEverySet() {
        byte[] bytes = "DOE^JOHN\\SMITH".getBytes(StandardCharsets.US_ASCII);
        for (String[] values : new String[][] {{}, {"ISO_IR 100"}, {"ISO_IR 192"}, {"GB18030"},
                {"ISO 2022 IR 13", "ISO 2022 IR 87"}, {"", "ISO 2022 IR 149"}}) {
            assertEquals("DOE^JOHN\\SMITH", SpecificCharacterSet.of(values).decode(bytes, 0, bytes.length, true));
        }
    }

    @Test
    void decodesOnlyTheGivenRange() {
        byte[] bytes = Bytes.of("'xx' 0xE9 'yy'");
        assertEquals("éy", SpecificCharacterSet.of("ISO_IR 100").decode(bytes, 2, 2, false));
    }

    @Test
    void decodingIsSafeFromManyThreads() {
        byte[] bytes = Bytes.of(SpecificCharacterSetGoldenVectorsTest.H32);
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        String expected = decode(cs, bytes, true);
        List<String> results = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> cs.decode(bytes, 0, bytes.length, true)).toList();
        results.forEach(r -> assertEquals(expected, r));
    }

    @Test
    void describesItselfByItsTerms() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13 ", "ISO 2022 IR 87 ");
        assertEquals(List.of("ISO 2022 IR 13", "ISO 2022 IR 87"), cs.terms());
        assertTrue(cs.usesCodeExtensions());
        assertFalse(cs.isDefault());
        assertEquals("SpecificCharacterSet[ISO 2022 IR 13\\ISO 2022 IR 87]", cs.toString());
        assertEquals(cs, SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87"));
        assertEquals(cs.hashCode(), SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87").hashCode());
        assertNotEquals(cs, SpecificCharacterSet.of("ISO_IR 13"));
        assertEquals(List.of("", "ISO 2022 IR 87"), JAPANESE.terms());
    }

    @Test
    void absentOrIsoIr6IsTheDefaultRepertoire() {
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of());
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of((String[]) null));
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of(""));
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of("ISO_IR 6"));
        assertSame(SpecificCharacterSet.UTF_8, SpecificCharacterSet.of("ISO_IR 192"));
        assertTrue(SpecificCharacterSet.DEFAULT.isDefault());
        assertEquals(List.of(), SpecificCharacterSet.DEFAULT.terms());
        assertEquals(List.of("ISO_IR 192"), SpecificCharacterSet.UTF_8.terms());
        assertFalse(SpecificCharacterSet.UTF_8.usesCodeExtensions());
    }

    /** Shows ESC as "ESC" and the bytes of an escape sequence as characters, other bytes as hex. */
    static String escaped(byte[] bytes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x1B) {
                parts.add("ESC");
                int j = i + 1;
                while (j < bytes.length && bytes[j] >= 0x20 && bytes[j] <= 0x2F) {
                    parts.add(String.valueOf((char) bytes[j++]));
                }
                parts.add(String.valueOf((char) bytes[j]));
                i = j;
            } else {
                parts.add(String.format("%02X", bytes[i] & 0xFF));
            }
        }
        return String.join(" ", parts);
    }
}
