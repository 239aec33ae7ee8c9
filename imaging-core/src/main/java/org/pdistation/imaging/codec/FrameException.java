package org.pdistation.imaging.codec;

/**
 * One frame of one instance could not be produced. The message names the instance (file or SOP Instance UID) and
 * the frame (1-based, as a radiologist counts them), then the cause. Other frames and instances are unaffected.
 */
public class FrameException extends Exception {
    private final String instance;
    private final int frame;

    public FrameException(String instance, int frameIndex, String message, Throwable cause) {
        super(instance + " frame " + (frameIndex + 1) + ": " + message, cause);
        this.instance = instance;
        this.frame = frameIndex;
    }

    /** The instance: file path, or SOP Instance UID when there is no file. */
    public String instance() { return instance; }

    /** 0-based index of the frame. */
    public int frameIndex() { return frame; }
}
