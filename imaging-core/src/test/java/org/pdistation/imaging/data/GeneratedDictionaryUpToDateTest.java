package org.pdistation.imaging.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs DictionaryGenerator on the PS3.6 tables of the shared folder and insists that the committed Tag.java,
 * UID.java and resources are exactly what it produces, so nobody edits generated files by hand or forgets to
 * regenerate after the tables change.
 */
class GeneratedDictionaryUpToDateTest {

    private static final String PACKAGE_DIR = "org/pdistation/imaging/data/";
    private static final List<String> GENERATED = List.of(
            "java/" + PACKAGE_DIR + "Tag.java",
            "java/" + PACKAGE_DIR + "UID.java",
            "resources/" + PACKAGE_DIR + "elements.tsv",
            "resources/" + PACKAGE_DIR + "uids.tsv");

    @Test
    void committedFilesMatchTheGenerator(@TempDir Path out) throws IOException, InterruptedException {
        Path standard = sharedFolder().resolve("dicom-standard");
        if (!Files.isRegularFile(standard.resolve("dictionary.tsv"))) {
            // Without the tables there is nothing to compare; CI must have them, so there it is an error.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but the PS3.6 tables are missing: " + standard);
            }
            Assumptions.abort("PS3.6 tables not found at " + standard);
        }
        Path module = Path.of("").toAbsolutePath();
        Path generator = module.resolve("src/build/java/DictionaryGenerator.java");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), generator.toString(), standard.toString(),
                out.toString())
                .redirectErrorStream(true)
                .start();
        byte[] log = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "generator did not finish");
        assertEquals(0, process.exitValue(), () -> "generator failed:\n" + new String(log, StandardCharsets.UTF_8));

        for (String file : GENERATED) {
            byte[] expected = Files.readAllBytes(out.resolve(file));
            byte[] committed = Files.readAllBytes(module.resolve("src/main").resolve(file));
            assertArrayEquals(expected, committed,
                    file + " is stale: regenerate with ./mvnw -q -pl imaging-core -Pgenerate-dictionaries"
                            + " generate-sources");
        }
    }

    /** Surefire passes the shared folder; run from an IDE, imaging-core/../../shared is the usual place. */
    private static Path sharedFolder() {
        String configured = System.getProperty("pdistation.shared");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of("..", "..", "shared").toAbsolutePath().normalize();
    }
}
