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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = data.relativize(f).toString().replace('\\', '/');
            Path ours = tmp.resolve(i + ".json");
            DicomFile df = DicomReader.read(f, ReadOptions.BULK_BY_REFERENCE);
            try (Writer w = Files.newBufferedWriter(ours, StandardCharsets.UTF_8)) {
                writer.write(df, true, w);
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
            } else {
                unexpected.add(line);
            }
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
