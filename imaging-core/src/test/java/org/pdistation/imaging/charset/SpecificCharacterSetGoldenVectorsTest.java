package org.pdistation.imaging.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of PS3.5 Annexes H (Japanese), I (Korean) and J (Chinese), bytes copied from the standard's text:
 * each decodes to the documented string and encodes back to the same bytes (PDI-REQUIREMENTS F.38).
 */
class SpecificCharacterSetGoldenVectorsTest {

    /** PS3.5 H.3.1, "Encoded representation". */
    static final String H31 = "05/09 06/01 06/13 06/01 06/04 06/01 5/14 05/04 06/01 07/02 06/15 07/05 03/13 01/11 "
            + "02/04 04/02 03/11 03/03 04/05 04/04 01/11 02/08 04/02 05/14 01/11 02/04 04/02 04/02 04/00 04/15 03/10 "
            + "01/11 02/08 04/02 03/13 01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/02 05/14 "
            + "01/11 02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/02";

    /** PS3.5 H.3.2, "Encoded representation". */
    static final String H32 = "13/04 12/15 12/00 13/14 05/14 12/00 13/11 11/03 03/13 01/11 02/04 04/02 03/11 03/03 "
            + "04/05 04/04 01/11 02/08 04/10 05/14 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/10 03/13 "
            + "01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/10 05/14 01/11 02/04 04/02 02/04 "
            + "03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/10";

    /** PS3.5 I.2, "Encoded representation". */
    static final String I2 = "04/08 06/15 06/14 06/07 05/14 04/07 06/09 06/12 06/04 06/15 06/14 06/07 03/13 01/11 "
            + "02/04 02/09 04/03 15/11 15/03 05/14 01/11 02/04 02/09 04/03 13/01 12/14 13/04 13/07 03/13 01/11 02/04 "
            + "02/09 04/03 12/08 10/11 05/14 01/11 02/04 02/09 04/03 11/01 14/06 11/05 11/15";

    /** PS3.5 J.1. */
    static final String J1 = "0x57 0x61 0x6e 0x67 0x5e 0x58 0x69 0x61 0x6f 0x44 0x6f 0x6e 0x67 0x3d "
            + "0xe7 0x8e 0x8b 0x5e 0xe5 0xb0 0x8f 0xe6 0x9d 0xb1 0x3d";

    /** PS3.5 J.2. */
    static final String J2 = "0x54 0x68 0x65 0x20 0x66 0x69 0x72 0x73 0x74 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e "
            + "0x63 0x6c 0x75 0x64 0x65 0x73 0xe4 0xb8 0xad 0xe6 0x96 0x87 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x73 "
            + "0x65 0x63 0x6f 0x6e 0x64 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 0x73 0xe4 "
            + "0xb8 0xad 0xe6 0x96 0x87 0x2c 0x20 0x74 0x6f 0x6f 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x74 0x68 0x69 "
            + "0x72 0x64 0x20 0x6c 0x69 0x6e 0x65 0x2e 0x0d 0x0a";

    /** PS3.5 J.3. */
    static final String J3 = "0x57 0x61 0x6e 0x67 0x5e 0x58 0x69 0x61 0x6f 0x44 0x6f 0x6e 0x67 0x3d 0xcd 0xf5 0x5e "
            + "0xd0 0xa1 0xb6 0xab 0x3d";

    /** PS3.5 J.4. */
    static final String J4 = "0x54 0x68 0x65 0x20 0x66 0x69 0x72 0x73 0x74 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e "
            + "0x63 0x6c 0x75 0x64 0x65 0x73 0xd6 0xd0 0xce 0xc4 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x73 0x65 0x63 "
            + "0x6f 0x6e 0x64 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 0x73 0xd6 0xd0 0xce "
            + "0xc4 0x2c 0x20 0x74 0x6f 0x6f 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x74 0x68 0x69 0x72 0x64 0x20 0x6c "
            + "0x69 0x6e 0x65 0x2e 0x0d 0x0a";

    /**
     * The text of J.2 and J.4. The standard prints "includes 中文" with a space, but its byte listings have none
     * (0x73 is followed directly by the first Chinese byte); the bytes are what is tested.
     */
    static final String CHINESE_TEXT = "The first line includes中文.\r\nThe second line includes中文, too.\r\n"
            + "The third line.\r\n";

    private static void assertGolden(SpecificCharacterSet cs, String encoded, String expected, boolean personName) {
        byte[] bytes = Bytes.of(encoded);
        List<String> warnings = new ArrayList<>();
        assertEquals(expected, cs.decode(bytes, 0, bytes.length, personName, warnings::add));
        assertEquals(List.of(), warnings, "a golden vector decodes without warnings");
        assertEquals(Bytes.hex(bytes), Bytes.hex(cs.encode(expected, personName)), "encode(decode(x)) == x");
        assertTrue(cs.canEncode(expected));
    }

    @Test
    void japaneseIr87PersonNameWithEmptyValue1RoundTripsAnnexH31() {
        assertGolden(SpecificCharacterSet.of("", "ISO 2022 IR 87"), H31, "Yamada^Tarou=山田^太郎=やまだ^たろう", true);
    }

    /**
     * The standard prints the katakana as ヤマダ^タロウ, but the bytes are JIS X 0201 (ISO-IR 13), whose Unicode
     * form is half-width katakana with a separate voiced sound mark: ﾔﾏﾀﾞ^ﾀﾛｳ.
     */
    @Test
    void japaneseIr13Ir87PersonNameRoundTripsAnnexH32() {
        assertGolden(SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87"), H32,
                "\uFF94\uFF8F\uFF80\uFF9E^\uFF80\uFF9B\uFF73=山田^太郎=やまだ^たろう", true);
    }

    @Test
    void koreanIr149PersonNameRoundTripsAnnexI2() {
        assertGolden(SpecificCharacterSet.of("", "ISO 2022 IR 149"), I2, "Hong^Gildong=洪^吉洞=홍^길동", true);
    }

    /** PS3.5 I.3 designates KS X 1001 at the head of each line that uses it, and so does our encoder for text. */
    @Test
    void koreanLongTextWithEscapeAtLineStartRoundTripsAnnexI3() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        byte[] hangul = {(byte) 0xC7, (byte) 0xD1, (byte) 0xB1, (byte) 0xDB}; // 한글 in KS X 1001
        byte[] bytes = concat(Bytes.of("ESC 02/04 02/09 04/03 'The first line includes '"), hangul,
                Bytes.of("'.' 0x0d 0x0a ESC 02/04 02/09 04/03 'The second line includes '"), hangul,
                Bytes.of("', too.' 0x0d 0x0a 'The third line'"));
        String text = "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line";
        assertEquals(text, cs.decode(bytes, 0, bytes.length, false));
        assertArrayEquals(bytes, cs.encode(text, false));
    }

    @Test
    void chineseUtf8PersonNameRoundTripsAnnexJ1() {
        assertGolden(SpecificCharacterSet.of("ISO_IR 192"), J1, "Wang^XiaoDong=王^小東=", true);
    }

    @Test
    void chineseUtf8LongTextRoundTripsAnnexJ2() {
        assertGolden(SpecificCharacterSet.UTF_8, J2, CHINESE_TEXT, false);
    }

    @Test
    void chineseGb18030PersonNameRoundTripsAnnexJ3() {
        assertGolden(SpecificCharacterSet.of("GB18030"), J3, "Wang^XiaoDong=王^小东=", true);
    }

    @Test
    void chineseGb18030LongTextRoundTripsAnnexJ4() {
        assertGolden(SpecificCharacterSet.of("GB18030"), J4, CHINESE_TEXT, false);
    }

    /** PS3.5 Annex J: the GB18030 examples only use characters common to GBK, so they serve for GBK too. */
    @Test
    void gbkUsesTheGb18030ExamplesOfAnnexJ() {
        assertGolden(SpecificCharacterSet.of("GBK"), J3, "Wang^XiaoDong=王^小东=", true);
        assertGolden(SpecificCharacterSet.of("GBK"), J4, CHINESE_TEXT, false);
    }

    /**
     * ISO 2022 IR 58 (GB 2312 in G1): the example of later editions of PS3.5 Annex J, as stored in the fo-dicom test
     * file chrGB2312.dcm (0010,0010).
     */
    @Test
    void chineseIr58PersonNameRoundTrips() {
        assertGolden(SpecificCharacterSet.of("", "ISO 2022 IR 58"),
                "'Zhang^XiaoDong=' ESC 0x24 0x29 0x41 0xd5 0xc5 '^' ESC 0x24 0x29 0x41 0xd0 0xa1 0xb6 0xab '='",
                "Zhang^XiaoDong=张^小东=", true);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
