package org.pdistation.imaging.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link DicomReader} with Jazzer. A normal build runs these in regression mode: once over
 * each seed in {@code src/test/resources/org/pdistation/imaging/io/DicomReaderFuzzTestInputs/<method>/} (tiny
 * hand-made byte arrays; see {@code SeedInputs} for how they were made) plus an empty input. Crashes that fuzzing
 * finds are saved there too and so become regression tests.
 *
 * <p>To fuzz locally for ten minutes (JAZZER_FUZZ=1 switches from regression to fuzzing; Jazzer fuzzes one
 * {@code @FuzzTest} per run, so name it):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw -pl imaging-core test -Dtest='DicomReaderFuzzTest#readsAnyBytesFromAStream' \
 *       -Djazzer.max_duration=10m
 * </pre>
 * {@code maxDuration} below is the default length of such a run.
 */
class DicomReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesFromAStream(byte[] data) {
        ReaderFuzzTarget.readStream(data);
    }

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesFromAFile(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz", ".dcm");
        try {
            ReaderFuzzTarget.readFile(data, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
