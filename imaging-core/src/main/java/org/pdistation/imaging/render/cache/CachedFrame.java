package org.pdistation.imaging.render.cache;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;

/**
 * A pinned frame from a {@link FrameCache}: it stays in memory until {@link #close()}. Use in try-with-resources;
 * one handle per acquire, closing twice is harmless. Samples are stored values as the loader left them.
 */
public final class CachedFrame implements AutoCloseable {
    private final FrameCache<?> cache;
    private final FrameCache.Entry<?> entry;
    private final Frame frame;
    private final AtomicBoolean closed = new AtomicBoolean();

    CachedFrame(FrameCache<?> cache, FrameCache.Entry<?> entry, Frame frame) {
        this.cache = cache;
        this.entry = entry;
        this.frame = frame;
    }

    public Object key() { return entry.key; }

    public int rows() { return frame.rows; }

    public int columns() { return frame.columns; }

    public int samplesPerPixel() { return frame.samplesPerPixel; }

    public int sampleCount() { return frame.sampleCount(); }

    public FrameBuffer.Kind kind() { return frame.kind; }

    /** Whether samples are sign-extended stored values (read them as signed Java numbers). */
    public boolean isSigned() { return frame.signed; }

    public Photometric photometric() { return frame.photometric; }

    /** Bytes the frame takes against the budget. */
    public long byteSize() { return frame.byteSize(); }

    /**
     * The samples, read-only, native byte order, in a view of its own (position and limit are the caller's).
     * Read it only while this handle is open: after close the cache may drop the frame.
     */
    public ByteBuffer buffer() { return frame.data.asReadOnlyBuffer().order(frame.data.order()); }

    /** Sample {@code i} as an int, signed or not as {@link #isSigned()} says (same rule as FrameBuffer.sample). */
    public int sample(int i) {
        return switch (frame.kind) {
            case BYTE -> {
                byte b = frame.data.get(i);
                yield frame.signed ? b : b & 0xFF;
            }
            case SHORT -> {
                short s = frame.data.getShort(2 * i);
                yield frame.signed ? s : s & 0xFFFF;
            }
            case INT -> frame.data.getInt(4 * i);
        };
    }

    /** Copies the samples of a {@link FrameBuffer.Kind#BYTE} frame into {@code dst} (at least sampleCount long). */
    public void copyTo(byte[] dst) {
        require(FrameBuffer.Kind.BYTE);
        frame.data.get(0, dst, 0, sampleCount());
    }

    public void copyTo(short[] dst) {
        require(FrameBuffer.Kind.SHORT);
        frame.data.asShortBuffer().get(0, dst, 0, sampleCount());
    }

    public void copyTo(int[] dst) {
        require(FrameBuffer.Kind.INT);
        frame.data.asIntBuffer().get(0, dst, 0, sampleCount());
    }

    private void require(FrameBuffer.Kind k) {
        if (frame.kind != k) {
            throw new IllegalStateException("frame " + entry.key + " holds " + frame.kind + " samples, not " + k);
        }
    }

    /** Unpins the frame; it becomes evictable (or is freed at once when it alone exceeded the budget). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cache.unpin(entry);
        }
    }
}
