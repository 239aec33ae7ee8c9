package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Generated benchmark files in a work folder; a temporary folder is deleted on close. */
public record BenchData(Path work, Path fileSetRoot, List<Path> files, boolean temporary) implements AutoCloseable {

    public static BenchData generate(Path work, int count, PrintWriter log) throws IOException {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("pdistation-bench") : work;
        Path root = dir.resolve("fileset");
        long t0 = System.nanoTime();
        List<Path> files = SyntheticCtStudy.standard().write(root, count);
        log.printf("# generated %d CT files (512x512x16) in %.1f s under %s%n", count,
                (System.nanoTime() - t0) / 1e9, root);
        log.flush();
        return new BenchData(dir, root, files, temporary);
    }

    @Override
    public void close() throws IOException {
        if (!temporary) {
            return;
        }
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
