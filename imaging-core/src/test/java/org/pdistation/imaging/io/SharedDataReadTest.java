package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.testing.SharedData;

/** Every real file in the shared test data is read; broken ones give problems, never anything worse. */
class SharedDataReadTest {

    static List<Path> files(String sub) throws IOException {
        Path root = SharedData.dicomdata().resolve(sub);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().equals("README"))
                    .sorted().toList();
        }
    }

    @Test
    void readsEveryFileOutsideBrokenCompletelyInEveryMode() throws IOException {
        SharedData.require();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String sub : List.of("single", "multiframe", "charset", "dicomdir")) {
            for (Path f : files(sub)) {
                n++;
                for (ReadOptions opt : List.of(ReadOptions.HEADER_ONLY, ReadOptions.BULK_BY_REFERENCE, ReadOptions.IN_MEMORY)) {
                    try {
                        DicomFile df = DicomReader.read(f, opt);
                        if (!df.complete()) {
                            failures.add(f + " " + opt.mode() + " " + df.problems());
                        }
                        // pydicom's character set samples are bare datasets without SOP UIDs.
                        if (!f.toString().contains("charset/pydicom") && !df.dataset().contains(Tag.SOPClassUID)
                                && !df.dataset().contains(Tag.DirectoryRecordSequence)) {
                            failures.add(f + ": no SOP Class UID");
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(f + " " + opt.mode() + ": " + e);
                    }
                }
            }
        }
        assertTrue(n > 150, "expected the shared files, found " + n);
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }

    @Test
    void brokenFilesGiveProblemsNeverCrashes() throws IOException {
        SharedData.require();
        for (Path f : files("broken")) {
            for (ReadOptions opt : List.of(ReadOptions.HEADER_ONLY, ReadOptions.BULK_BY_REFERENCE, ReadOptions.IN_MEMORY)) {
                try {
                    DicomFile df = DicomReader.read(f, opt);
                    assertFalse(df.dataset() == null);
                } catch (DicomParseException e) {
                    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
                } catch (IOException | RuntimeException e) {
                    fail(f + " " + opt.mode() + ": unexpected " + e, e);
                }
            }
        }
    }
}
