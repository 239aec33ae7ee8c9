package org.pdistation.imaging.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only reference material ({@code ../shared}) lives, for tests.
 *
 * <p>The folder is found, in order, from the system property {@code pdistation.shared} (set by Surefire from the
 * parent pom), the environment variable {@code PDISTATION_SHARED}, or {@code ../shared} / {@code ../../shared}
 * relative to the working directory (the project root or a module). Files there are referenced in place, never
 * copied into the project.
 *
 * <p>A test that needs the data calls {@link #require()} (or {@link #requireDicomFile(String)}): when the data is
 * absent the test is skipped locally, and fails when {@code CI=true}, so that CI can never pass by skipping.
 */
public final class SharedData {

    /** System property naming the shared folder. */
    public static final String PROPERTY = "pdistation.shared";
    /** Environment variable naming the shared folder. */
    public static final String ENV = "PDISTATION_SHARED";

    private SharedData() {
    }

    /** The shared folder as an absolute, normalised path; it may not exist (see {@link #require()}). */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path sibling = cwd.resolve("../shared").normalize();
        Path moduleSibling = cwd.resolve("../../shared").normalize();
        if (Files.isDirectory(sibling)) {
            return sibling;
        }
        if (Files.isDirectory(moduleSibling)) {
            return moduleSibling;
        }
        return sibling;
    }

    /** {@code <root>/dicomdata}: the public DICOM test files; it may not exist (see {@link #require()}). */
    public static Path dicomdata() {
        return root().resolve("dicomdata");
    }

    /**
     * The shared folder, after checking that it and its {@code dicomdata} folder exist: skips the calling test
     * when they do not, or fails it when {@code CI=true}.
     */
    public static Path require() {
        Path root = root();
        if (!Files.isDirectory(root.resolve("dicomdata"))) {
            Peers.unavailable("shared test data not found at " + root.resolve("dicomdata")
                    + " (set -D" + PROPERTY + "=DIR or " + ENV + "=DIR to the folder holding dicomdata/)");
        }
        return root;
    }

    /**
     * A file under {@code dicomdata}, e.g. {@code "single/pydicom/CT_small.dcm"}, after checking it exists (same
     * skip-or-fail rule as {@link #require()}).
     */
    public static Path requireDicomFile(String relative) {
        Path file = require().resolve("dicomdata").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            Peers.unavailable("shared test file not found: " + file);
        }
        return file;
    }
}
