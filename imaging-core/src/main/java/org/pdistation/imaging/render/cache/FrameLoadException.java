package org.pdistation.imaging.render.cache;

/** The loader failed for a key; every caller waiting for that load gets one with the same cause. */
public final class FrameLoadException extends Exception {
    private final transient Object key;

    public FrameLoadException(Object key, Throwable cause) {
        super("loading frame " + key + " failed: " + cause, cause);
        this.key = key;
    }

    public Object key() { return key; }
}
