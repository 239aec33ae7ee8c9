package org.pdistation.creator.stage;

import java.nio.file.Path;
import java.util.List;

import org.pdistation.creator.plan.PlannedMedium;
import org.pdistation.imaging.media.Profile;

/**
 * A staged file-set as {@link StagingStep}s see it: DICOM files, DICOMDIR and README.TXT are already in
 * {@link #root()}; steps add their own entries (INDEX.HTM, IHE_PDI/, a viewer folder) and must not touch these.
 *
 * @param medium    the plan's medium (its instances, in order, with their sources)
 * @param files     the DICOM files written, in File ID order
 * @param fileSetId (0004,1130) of this medium
 * @param number    which medium (1-based) of {@code count}
 */
public record StagedFileSet(Path root, PlannedMedium medium, Profile profile, String fileSetId,
                            CreateOptions options, List<StagedFile> files, int number, int count) {
    public StagedFileSet {
        files = List.copyOf(files);
    }

    public String institution() {
        return options.institution();
    }
}
