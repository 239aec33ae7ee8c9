package org.pdistation.imaging.io;

import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.data.Dataset;

/**
 * What the reader made of one file.
 *
 * @param path             the file, or null for a stream
 * @param fileMeta         group 0002 (empty when the file has none)
 * @param dataset          the dataset, possibly partial when {@code complete} is false
 * @param transferSyntax   the syntax the dataset was actually read with (may differ from the meta, see problems)
 * @param hasPreamble      whether the file starts with a 128-byte preamble and "DICM"
 * @param pixelDataOffset  in header-only mode, the offset of the pixel data element's tag; else -1
 * @param complete         false when reading stopped early on an error (truncation, corrupt structure)
 * @param problems         warnings and the error that stopped reading, each with offset and tag
 */
public record DicomFile(Path path, Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax,
                        boolean hasPreamble, long pixelDataOffset, boolean complete, List<ReadProblem> problems) {
    public DicomFile {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == ReadProblem.Severity.ERROR);
    }
}
