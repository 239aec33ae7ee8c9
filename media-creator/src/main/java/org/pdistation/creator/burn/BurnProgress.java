package org.pdistation.creator.burn;

/**
 * A progress report.
 *
 * @param bytesDone  bytes written (or verified, in {@link BurnPhase#VERIFYING}) so far
 * @param bytesTotal the image size in bytes
 * @param phase      where the burn is
 */
public record BurnProgress(long bytesDone, long bytesTotal, BurnPhase phase) {
    public BurnProgress {
        if (bytesTotal < 0 || bytesDone < 0) {
            throw new IllegalArgumentException("negative progress " + bytesDone + " of " + bytesTotal);
        }
        bytesDone = Math.min(bytesDone, bytesTotal);
    }

    /** 0–100; 100 only when done or when all bytes are through. */
    public int percent() {
        if (phase == BurnPhase.DONE) {
            return 100;
        }
        return bytesTotal == 0 ? 0 : (int) (bytesDone * 100 / bytesTotal);
    }

    /** Receives progress reports, on the thread that runs the burn. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(BurnProgress progress);
    }
}
