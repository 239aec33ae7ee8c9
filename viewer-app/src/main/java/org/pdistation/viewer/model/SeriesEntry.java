package org.pdistation.viewer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One series as the browser lists it.
 *
 * @param uid          Series Instance UID (0020,000E)
 * @param number       Series Number (0020,0011) as written, possibly empty
 * @param modality     (0008,0060)
 * @param description  Series Description (0008,103E), empty when the medium does not say
 * @param files        the series' instance files that exist on the medium, in medium order
 */
public record SeriesEntry(String uid, String number, String modality, String description, List<Path> files) {
    public SeriesEntry {
        files = List.copyOf(files);
    }

    public int instances() {
        return files.size();
    }
}
