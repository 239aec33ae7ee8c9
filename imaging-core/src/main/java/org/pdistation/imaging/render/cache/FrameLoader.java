package org.pdistation.imaging.render.cache;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;

/**
 * Decodes the frame for a key into a reusable buffer (typically {@code ImageFrames.readFrame(n, dst)}).
 * Called on the thread that missed or on the prefetch executor; never twice at once for one key.
 */
@FunctionalInterface
public interface FrameLoader<K> {
    /**
     * @param dst a per-thread scratch buffer owned by the cache; the loader resets and fills it
     * @return the photometric interpretation of the samples left in {@code dst}
     */
    Photometric load(K key, FrameBuffer dst) throws Exception;
}
