package org.pdistation.creator.burn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a burned medium back and compares its first bytes with the image: a session written byte for byte starts
 * at block 0 with exactly the image's bytes (the tool may add padding after them). Only data is read; nothing on
 * the medium is interpreted or run.
 */
final class ImageVerifier {
    private static final int CHUNK = 1 << 20;
    /** Progress reports at most every this many bytes. */
    private static final long REPORT_EVERY = 8L << 20;

    private ImageVerifier() {
    }

    /**
     * Compares {@code image} with the first {@code size(image)} bytes of {@code medium} (a pseudo-drive file or the
     * block device of the drive).
     *
     * @throws BurnException naming the first differing byte offset, a short medium, or a read error
     */
    static void verify(Path image, Path medium, String driveName, BurnProgress.Listener listener,
            Cancellation cancellation) throws BurnException {
        long total;
        try {
            total = Files.size(image);
        } catch (IOException e) {
            throw new BurnException("cannot read image " + image + " for verification: " + e.getMessage(), e);
        }
        byte[] a = new byte[CHUNK];
        byte[] b = new byte[CHUNK];
        long offset = 0;
        long lastReport = 0;
        try (InputStream ia = Files.newInputStream(image); InputStream ib = Files.newInputStream(medium)) {
            listener.progress(new BurnProgress(0, total, BurnPhase.VERIFYING));
            while (offset < total) {
                if (cancellation.isCancelled()) {
                    throw new BurnException("verification of " + driveName + " cancelled at byte " + offset
                            + " of " + total + "; the medium was written but is not verified");
                }
                int want = (int) Math.min(CHUNK, total - offset);
                int na = ia.readNBytes(a, 0, want);
                int nb = ib.readNBytes(b, 0, want);
                if (na != want) {
                    throw new BurnException("image " + image + " changed during verification: it ended at byte "
                            + (offset + na) + " of " + total);
                }
                if (nb < want) {
                    throw new BurnException("verification failed: the medium in " + driveName + " ends at byte "
                            + (offset + nb) + ", the image has " + total);
                }
                int mismatch = Arrays.mismatch(a, 0, want, b, 0, want);
                if (mismatch >= 0) {
                    throw new BurnException("verification failed: the medium in " + driveName
                            + " differs from the image at byte " + (offset + mismatch));
                }
                offset += want;
                if (offset - lastReport >= REPORT_EVERY) {
                    listener.progress(new BurnProgress(offset, total, BurnPhase.VERIFYING));
                    lastReport = offset;
                }
            }
        } catch (IOException e) {
            throw new BurnException("verification failed: cannot read " + medium + " (" + driveName + ") at byte "
                    + offset + ": " + e.getMessage(), e);
        }
        listener.progress(new BurnProgress(total, total, BurnPhase.VERIFYING));
    }
}
