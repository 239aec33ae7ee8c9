package org.pdistation.imaging.media.verify;

import java.nio.file.Path;

/**
 * One regular file found by walking the medium.
 *
 * @param path    the file (on whatever file system the root lives)
 * @param rel     its path relative to the root, components joined with '/'
 * @param dicom   whether it looked like DICOM ("DICM" at 128, or a plausible bare dataset start)
 * @param header  its header values, or null when not DICOM or unreadable
 * @param problem why the header could not be read, or null
 */
record MediumFile(Path path, String rel, boolean dicom, FileHeader header, String problem) {
    int depth() {
        return (int) rel.chars().filter(c -> c == '/').count();
    }

    String firstComponent() {
        int slash = rel.indexOf('/');
        return slash < 0 ? rel : rel.substring(0, slash);
    }

    boolean inRoot() {
        return rel.indexOf('/') < 0;
    }
}
