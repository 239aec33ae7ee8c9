package org.pdistation.creator.stage;

import java.io.IOException;

/**
 * Adds content to a staged file-set after the DICOM files, DICOMDIR and README.TXT are written: web content
 * (INDEX.HTM, IHE_PDI/), a viewer copy. Steps run in list order; a step that throws fails the medium. Files a step
 * writes are not DICOM (PDI-REQUIREMENTS 6) and never referenced by the DICOMDIR; they are copied and verified by
 * checksum like every other file.
 */
public interface StagingStep {
    /** Shown in progress and in the report. */
    String name();

    void apply(StagedFileSet set) throws IOException;
}
