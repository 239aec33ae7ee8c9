package org.pdistation.viewer.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mounted disc or USB stick that holds DICOM data.
 *
 * @param root the mount point (a folder under /media/$USER, /run/media/$USER, /mnt, /Volumes, or a drive root)
 * @param name the volume name shown to the user
 */
public record DetectedMedium(Path root, String name) {
    /**
     * The medium mounted at {@code root}. Unix desktops mount a volume on a folder named after its label; a Windows
     * drive root has no folder name, so its file store's name (the volume label) and the drive letter are shown.
     */
    public static DetectedMedium at(Path root) {
        Path leaf = root.getFileName();
        if (leaf != null) return new DetectedMedium(root, leaf.toString());
        String label = "";
        try {
            label = Files.getFileStore(root).name();
        } catch (IOException | RuntimeException e) {
            // No label readable (a drive being ejected): the drive letter alone names it.
        }
        String drive = root.toString();
        return new DetectedMedium(root, label.isBlank() ? drive : label + " (" + drive + ")");
    }
}
