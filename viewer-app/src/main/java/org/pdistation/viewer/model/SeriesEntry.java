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
 * @param mayBeImage   false when the medium says none of its instances holds pixels (reports, presentation
 *                     states: {@link ImageKinds}); true when some may, or when the medium does not say
 */
public record SeriesEntry(String uid, String number, String modality, String description, List<Path> files,
                          boolean mayBeImage) {
    public SeriesEntry {
        files = List.copyOf(files);
    }

    /** A series whose instances may be images (the medium does not say otherwise). */
    public SeriesEntry(String uid, String number, String modality, String description, List<Path> files) {
        this(uid, number, modality, description, files, true);
    }

    /** The first series of {@code all} that may be shown as an image, else the first one, else null. */
    public static SeriesEntry firstShowable(List<SeriesEntry> all) {
        for (SeriesEntry s : all) {
            if (s.mayBeImage() && !s.files().isEmpty()) return s;
        }
        return all.isEmpty() ? null : all.get(0);
    }

    public int instances() {
        return files.size();
    }
}
