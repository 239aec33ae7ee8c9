package org.pdistation.imaging.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link DicomReader} with Jazzer. A normal build runs these in regression mode: once over
 * each seed in {@code src/test/resources/org/pdistation/imaging/io/DicomReaderFuzzTestInputs/<method>/} (tiny
 * hand-made byte arrays: a 246-byte explicit VR file with a sequence, a 24-byte implicit VR dataset, a 214-byte encapsulated file) plus an empty input. Crashes that fuzzing
 * finds are saved there too and so become regression tests.
 *
 * <p>To fuzz locally (JAZZER_FUZZ=1 switches from regression to fuzzing; Jazzer fuzzes one {@code @FuzzTest} per
 * run, so name it):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw -pl imaging-core test -Dtest='DicomReaderFuzzTest#readsAnyBytesFromAStream'
 * </pre>
 * A run lasts {@code maxDuration} below (30 s, which CI also uses). With jazzer-junit 0.24.0 neither
 * {@code -Djazzer.max_duration} nor {@code JAZZER_MAX_DURATION} changed that in our tests, so for a longer run raise
 * {@code maxDuration} locally (e.g. "10m"). The corpus grows in {@code imaging-core/.cifuzz-corpus/} (ignored);
 * findings land in the inputs directory above and fail the build until fixed. On JDK 25 Jazzer warns that it cannot
 * instrument JDK classes (class file version 69); our classes (release 21) are instrumented and fuzzing works.
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
