package org.pdistation.imaging.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patient's Name of the character set test files in shared/dicomdata/charset (see MANIFEST.tsv): decoded with the
 * file's own (0008,0005), and encoded back to the file's bytes where the writer followed PS3.5 6.1.2.5.3 exactly.
 */
class SpecificCharacterSetRealFilesTest {

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int PATIENT_NAME = 0x00100010;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pydicom/chrArab.dcm          | قباني^لنزار                              | true
            pydicom/chrFren.dcm          | Buc^Jérôme                               | true
            pydicom/chrGerm.dcm          | Äneas^Rüdiger                            | true
            pydicom/chrGreek.dcm         | Διονυσιος                                | true
            pydicom/chrHbrw.dcm          | שרון^דבורה                               | true
            pydicom/chrRuss.dcm          | Люкceмбypг                               | true
            pydicom/chrH31.dcm           | Yamada^Tarou=山田^太郎=やまだ^たろう         | true
            pydicom/chrH32.dcm           | ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう               | true
            pydicom/chrI2.dcm            | Hong^Gildong=洪^吉洞=홍^길동               | true
            pydicom/chrX1.dcm            | Wang^XiaoDong=王^小東=                     | true
            pydicom/chrX2.dcm            | Wang^XiaoDong=王^小东=                     | true
            pydicom/chrJapMulti.dcm      | やまだ^たろう                               | true
            pydicom/chrJapMultiExplicitIR6.dcm | やまだ^たろう                         | true
            pydicom/chrKoreanMulti.dcm   | 김희중                                     | false
            fo-dicom/chrGB2312.dcm       | Zhang^XiaoDong=张^小东=                    | true
            fo-dicom/GH1301.dcm          | Wang^XiaoDong=王^小东=                     | true
            """)
    void decodesPatientNameOfRealFiles(String file, String expected, boolean sameBytesBack) throws IOException {
        Path path = Path.of(System.getProperty("pdistation.shared", "../../shared"), "dicomdata", "charset", file);
        assumeTrue(Files.isReadable(path), "test data not present: " + path);
        List<Element> elements = topLevelElements(Files.readAllBytes(path));
        SpecificCharacterSet cs = SpecificCharacterSet.of(values(find(elements, SPECIFIC_CHARACTER_SET)));
        assertEquals(List.of(), cs.warnings());
        byte[] name = trimPadding(find(elements, PATIENT_NAME).value());
        List<String> warnings = new ArrayList<>();
        assertEquals(expected, cs.decode(name, 0, name.length, true, warnings::add));
        assertEquals(List.of(), warnings);
        byte[] encoded = cs.encode(expected, true);
        if (sameBytesBack) {
            assertEquals(Bytes.hex(name), Bytes.hex(encoded));
        } else {
            // chrKoreanMulti.dcm ends with a needless ESC ( B (G0 never left ASCII); ours leaves it out.
            assertEquals(expected, cs.decode(encoded, 0, encoded.length, true));
        }
    }

    private record Element(int tag, byte[] value) {
    }

    private static Element find(List<Element> elements, int tag) {
        Element found = elements.stream().filter(e -> e.tag() == tag).findFirst().orElse(null);
        assertNotNull(found, String.format("(%04X,%04X) missing", tag >>> 16, tag & 0xFFFF));
        return found;
    }

    private static String[] values(Element element) {
        return new String(element.value(), StandardCharsets.US_ASCII).split("\\\\", -1);
    }

    /** Strips the trailing SPACE padding of string values (PS3.5 6.2). */
    private static byte[] trimPadding(byte[] value) {
        int n = value.length;
        while (n > 0 && value[n - 1] == ' ') {
            n--;
        }
        return java.util.Arrays.copyOf(value, n);
    }

    /**
     * The top-level elements of an Explicit VR Little Endian Part 10 file, enough for these small test files; stops
     * at the first element of undefined length. Deliberately minimal: the real reader lives in imaging.data.
     */
    private static List<Element> topLevelElements(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        in.position(file.length > 132 && file[128] == 'D' && file[129] == 'I' ? 132 : 0);
        List<Element> elements = new ArrayList<>();
        while (in.remaining() >= 8) {
            int tag = (in.getShort() & 0xFFFF) << 16 | (in.getShort() & 0xFFFF);
            String vr = new String(new byte[] {in.get(), in.get()}, StandardCharsets.US_ASCII);
            long length;
            if (List.of("OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV").contains(vr)) {
                in.getShort();
                length = in.getInt() & 0xFFFFFFFFL;
            } else {
                length = in.getShort() & 0xFFFF;
            }
            if (length == 0xFFFFFFFFL || length > in.remaining()) {
                break;
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            elements.add(new Element(tag, value));
        }
        return elements;
    }
}
