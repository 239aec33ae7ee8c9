package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.file.Path;

/** Where a staged file-set goes: a folder or USB stick, an ISO image, a disc. */
public interface MediaTarget {
    /** For the report and the progress display, e.g. {@code folder /media/usb}. */
    String describe();

    /**
     * A folder on the target's own file system where staging may happen, so that writing is a rename; null when
     * there is none (staging then goes to the temporary folder and the files are copied).
     */
    Path preferredStagingParent();

    /**
     * Puts the staged file-set on the medium. On failure nothing that looks like a complete file-set is left (no
     * DICOMDIR) and the staged folder is intact.
     *
     * @param staging   the complete staged folder (DICOMDIR, DICOM/, README.TXT, ...)
     * @param fileSetId (0004,1130), e.g. for a volume label
     */
    WrittenMedium write(Path staging, String fileSetId, Progress progress) throws IOException;
}
