package org.pdistation.viewer.create;

import java.nio.file.Path;
import java.util.List;

import org.pdistation.creator.burn.Drive;
import org.pdistation.imaging.media.Profile;

/**
 * What the clerk chose on the create screen.
 *
 * @param inputs      files, folders or DICOMDIRs of the chosen studies
 * @param medium      "CD", "DVD", "DVD_DL", "BD" or "USB"
 * @param institution the creating institution for README.TXT, label and web pages
 * @param target      where the media go
 */
public record DiscChoices(List<Path> inputs, Profile profile, String medium, boolean web, boolean label,
                          String institution, Target target) {
    public DiscChoices {
        inputs = List.copyOf(inputs);
        institution = institution == null ? "" : institution;
    }

    /** Where the media go: a drive, an ISO image file, or a folder (a USB stick). */
    public sealed interface Target {}

    public record ToDrive(Drive drive) implements Target {}

    public record ToIso(Path file) implements Target {}

    public record ToFolder(Path folder) implements Target {}
}
