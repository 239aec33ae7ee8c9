package org.pdistation.creator.burn;

import java.nio.file.Path;
import java.util.List;

/**
 * Burns an ISO 9660 image to an optical disc through the platform's own tool (xorriso on Linux, IMAPI2 on Windows,
 * hdiutil/drutil on macOS). Implementations run the tool as a process with an argument list, never through a
 * shell, and never run anything from a medium.
 *
 * <p>The rule for the clerk: {@link #burn} returns normally only when the tool said the image was written (and, with
 * {@link BurnOptions#verify()}, the read-back matched); every other outcome is a {@link BurnException}, and the
 * image file is never modified.
 */
public interface Burner {

    /** The drives this tool can write to; empty when there are none. */
    List<Drive> listDrives() throws BurnException;

    /** The medium in {@code drive}. */
    MediaStatus mediaStatus(Drive drive) throws BurnException;

    /**
     * Writes {@code isoImage} byte for byte as one closed session on the medium in {@code drive}, reporting progress
     * to {@code listener} (ending with a {@link BurnPhase#DONE} report of 100 % on success) and stopping when
     * {@code cancellation} is set.
     */
    void burn(Path isoImage, Drive drive, BurnOptions options, BurnProgress.Listener listener, Cancellation cancellation)
            throws BurnException;

    /** Opens the tray / ejects the medium. */
    void eject(Drive drive) throws BurnException;
}
