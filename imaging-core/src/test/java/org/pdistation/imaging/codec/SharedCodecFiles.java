package org.pdistation.imaging.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.pdistation.imaging.testing.SharedData;

/** Test helper: the shared DICOM files (MANIFEST.tsv, broken/ excluded) whose transfer syntax is one of a set. */
public final class SharedCodecFiles {
    private SharedCodecFiles() {}

    public static Stream<String> withSyntax(Set<String> uids) {
        Path root = SharedData.require();
        try {
            List<String> lines = Files.readAllLines(root.resolve("dicomdata").resolve("MANIFEST.tsv"));
            return lines.stream().skip(1).map(l -> l.split("\t", -1))
                    .filter(c -> c.length > 6 && !c[0].startsWith("broken/"))
                    .filter(c -> uids.contains(c[6].split(" ", 2)[0]))
                    .map(c -> c[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
