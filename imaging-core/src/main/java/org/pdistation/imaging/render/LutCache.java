package org.pdistation.imaging.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Combined stored-value → display tables, kept by their parameters in a small least-recently-used map. One cache
 * is created by the caller (typically one per viewer window) and passed to the renderers: scrolling a series
 * whose frames share rescale and window builds the table once. Thread-safe.
 */
public final class LutCache {
    /** What a combined table depends on; equal keys give equal tables. */
    public record Key(ModalityLut modality, Voi voi, PresentationLut presentation, int bitsStored, boolean signed) {}

    /**
     * The 8-bit grey table and, built on first request, its opaque premultiplied ARGB twin; {@code affine} when
     * the steps are linear, in which case the table was built from it (see {@link AffineGrey}).
     */
    static final class Tables {
        final byte[] grey;
        final AffineGrey affine;
        /** The affine map with its clamp on the input side, where it gives exactly {@code grey}; else null. */
        final ClampedAffineGrey clamped;
        private int[] argb;

        Tables(byte[] grey, AffineGrey affine, ClampedAffineGrey clamped) {
            this.grey = grey;
            this.affine = affine;
            this.clamped = clamped;
        }

        synchronized int[] argb() {
            if (argb == null) {
                int[] a = new int[grey.length];
                for (int i = 0; i < a.length; i++) {
                    int g = grey[i] & 0xFF;
                    a[i] = 0xFF000000 | g << 16 | g << 8 | g; // alpha 255: premultiplied equals straight
                }
                argb = a;
            }
            return argb;
        }
    }

    private final int capacity;
    private final Map<Key, Tables> map;
    private long builds;

    public LutCache() {
        this(16);
    }

    public LutCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Tables> eldest) {
                return size() > LutCache.this.capacity;
            }
        };
    }

    synchronized Tables get(Key key, Supplier<Tables> build) {
        Tables e = map.get(key);
        if (e == null) {
            e = build.get();
            builds++;
            map.put(key, e);
        }
        return e;
    }

    /** Tables currently held. */
    public synchronized int size() { return map.size(); }

    /** Tables built since creation (misses), for tests and diagnostics. */
    public synchronized long builds() { return builds; }
}
