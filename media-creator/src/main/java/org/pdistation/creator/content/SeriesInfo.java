package org.pdistation.creator.content;

import java.nio.file.Path;
import java.util.List;

/**
 * One series of the file-set.
 *
 * @param number      Series Number as written, or ""
 * @param modality    Modality, or ""
 * @param description Series Description, or ""
 * @param instances   the referenced instance files that exist, in Instance Number order (DICOMDIR order on ties)
 */
public record SeriesInfo(String number, String modality, String description, List<Path> instances) {
    public SeriesInfo {
        instances = List.copyOf(instances);
    }
}
