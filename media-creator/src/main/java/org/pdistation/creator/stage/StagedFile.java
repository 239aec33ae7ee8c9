package org.pdistation.creator.stage;

import java.nio.file.Path;
import java.util.List;

/** A DICOM file in the staging folder: its File ID, source, the syntax written, and whether it was transcoded. */
public record StagedFile(List<String> fileId, Path source, Path staged, String transferSyntax, boolean transcoded,
                         long bytes) {
    public StagedFile {
        fileId = List.copyOf(fileId);
    }
}
