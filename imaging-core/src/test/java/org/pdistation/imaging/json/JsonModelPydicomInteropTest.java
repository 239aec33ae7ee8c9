package org.pdistation.imaging.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.charset.SpecificCharacterSet;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every shared file outside {@code broken/} as DICOM JSON, compared with pydicom 2.3's {@code to_json_dict()}: same
 * tags, VRs and values. The comparison (and the normalisations for where pydicom's model differs from the
 * standard's, each with its reason) lives in {@code compare_with_pydicom.py}; pydicom runs once for all files.
 */
class JsonModelPydicomInteropTest {

    /**
     * Files whose differences are pydicom's, by file name, with why. Everything else must match exactly.
     */
    private static final Map<String, String> PYDICOM_CANNOT_READ = Map.of(
            // (FFFE,E0DD) appears where an element is expected; pydicom 2.3 stops with "Unknown VR 'NONE'".
            "multiframe/fo-dicom/DIRW0007", "pydicom 2.3 fails on a stray sequence delimiter",
            // Slice Thickness "1.9.10.0" is not a DS; pydicom 2.3 raises converting it to a float for JSON.
            "single/fo-dicom/GH195.dcm", "pydicom 2.3 cannot convert an invalid DS to JSON");

    /**
     * Whether the SpecificCharacterSet in the build decodes more than ISO 8859-1 and UTF-8. The ISO 2022 one is
     * merged separately; until then the stand-in cannot decode Cyrillic, Greek, Japanese... and differences in files
     * using those sets are reported but tolerated. Once it decodes ISO_IR 144 (0xBB is CYRILLIC CAPITAL LETTER EL,
     * PS3.3 C.12.1.1.2), every file must match.
     */
    private static final boolean FULL_CHARSETS = "\u041B".equals(
            SpecificCharacterSet.of("ISO_IR 144").decode(new byte[] {(byte) 0xBB}, 0, 1, false));

    private static boolean usesOtherCharset(Dataset ds) {
        String[] terms = ds.getStrings(Tag.SpecificCharacterSet);
        for (String t : terms) {
            if (!t.isEmpty() && !t.equals("ISO_IR 100") && !t.equals("ISO_IR 192") && !t.equals("ISO_IR 6")) {
                return true;
            }
        }
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (Dataset item : seq) {
                    if (usesOtherCharset(item)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void everySharedFileMatchesPydicomsJsonModel(@TempDir Path tmp) throws IOException {
        Path root = SharedData.require();
        Path python = Peers.requirePydicom();
        Path data = root.resolve("dicomdata");
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("single", "multiframe", "charset", "dicomdir")) {
            try (Stream<Path> s = Files.walk(data.resolve(sub))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().endsWith(".txt"))
                        .filter(p -> !p.getFileName().toString().equals("README"))
                        .sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 150, "expected the shared files, found " + files.size());

        JsonModelWriter writer = new JsonModelWriter(JsonModelWriter.BulkMode.INLINE);
        StringBuilder list = new StringBuilder();
        Set<String> waitingForCharsets = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = data.relativize(f).toString().replace('\\', '/');
            Path ours = tmp.resolve(i + ".json");
            DicomFile df = DicomReader.read(f, ReadOptions.BULK_BY_REFERENCE);
            try (Writer w = Files.newBufferedWriter(ours, StandardCharsets.UTF_8)) {
                writer.write(df, true, w);
            }
            if (!FULL_CHARSETS && usesOtherCharset(df.dataset())) {
                waitingForCharsets.add(name);
            }
            list.append(ours).append('\t').append(f).append('\t').append(name).append('\n');
        }
        Path listFile = tmp.resolve("files.tsv");
        Files.writeString(listFile, list, StandardCharsets.UTF_8);
        Path script = tmp.resolve("compare_with_pydicom.py");
        try (InputStream in = getClass().getResourceAsStream("compare_with_pydicom.py")) {
            Files.copy(in, script);
        }

        Peers.Result r = Peers.run(Duration.ofSeconds(120), python.toString(), script.toString(), listFile.toString());
        assertEquals(0, r.exitCode(), r.stderr());

        List<String> unexpected = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String name = line.substring(0, line.indexOf('\t'));
            if (line.contains("\tSKIP ")) {
                skipped.add(name);
                if (!PYDICOM_CANNOT_READ.containsKey(name)) {
                    unexpected.add(line);
                }
            } else if (waitingForCharsets.contains(name)) {
                tolerated.add(line);
            } else {
                unexpected.add(line);
            }
        }
        if (!tolerated.isEmpty()) {
            System.err.println("JsonModelPydicomInteropTest: " + tolerated.size() + " differences in files with"
                    + " character sets the stand-in SpecificCharacterSet cannot decode (checked once it is replaced)");
        }
        for (String name : PYDICOM_CANNOT_READ.keySet()) {
            if (!skipped.contains(name)) {
                unexpected.add(name + "\t\tlisted as unreadable by pydicom but pydicom read it: drop the exception");
            }
        }
        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " differences from pydicom:\n" + String.join("\n", unexpected));
        }
    }
}
