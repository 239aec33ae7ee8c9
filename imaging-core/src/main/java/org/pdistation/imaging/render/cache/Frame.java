package org.pdistation.imaging.render.cache;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;

/**
 * The decoded samples of one frame, off the Java heap, with what is needed to read them back.
 *
 * <p>Why a direct {@link ByteBuffer}: a scroll cache of a few hundred MB of 512×512×16-bit frames would, on the heap,
 * be hundreds of humongous G1 objects (each frame exceeds half a region) that fragment the heap, lengthen marking
 * and force a large {@code -Xmx}; off-heap the heap only holds the bookkeeping. {@code java.lang.foreign}
 * ({@code Arena}, freed deterministically on eviction) would be the better tool but is a preview API in the Java 21
 * the project targets. Direct buffers are freed when collected; the budget counts a frame from its load to its
 * eviction, and when the JVM's direct-memory limit ({@code -XX:MaxDirectMemorySize}, default the max heap size) is
 * reached the allocator itself triggers a collection and retries, so evicted-but-uncollected buffers cannot make an
 * allocation fail. The launcher should set that limit to the cache budget plus headroom.
 */
final class Frame {
    final ByteBuffer data;
    final int rows;
    final int columns;
    final int samplesPerPixel;
    final FrameBuffer.Kind kind;
    final boolean signed;
    final Photometric photometric;

    private Frame(ByteBuffer data, FrameBuffer b, Photometric photometric) {
        this.data = data;
        this.rows = b.rows();
        this.columns = b.columns();
        this.samplesPerPixel = b.samplesPerPixel();
        this.kind = b.kind();
        this.signed = b.isSigned();
        this.photometric = photometric;
    }

    static int bytesPerSample(FrameBuffer.Kind kind) {
        return switch (kind) {
            case BYTE -> 1;
            case SHORT -> 2;
            case INT -> 4;
        };
    }

    /** Copies the first {@code sampleCount()} samples of {@code b} into a new direct buffer (native order). */
    static Frame copyOf(FrameBuffer b, Photometric photometric) {
        int n = b.sampleCount();
        long size = (long) n * bytesPerSample(b.kind());
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("frame of " + size + " bytes does not fit one buffer");
        }
        ByteBuffer data = ByteBuffer.allocateDirect((int) size).order(ByteOrder.nativeOrder());
        switch (b.kind()) {
            case BYTE -> data.put(0, b.bytes(), 0, n);
            case SHORT -> data.asShortBuffer().put(0, b.shorts(), 0, n);
            case INT -> data.asIntBuffer().put(0, b.ints(), 0, n);
        }
        return new Frame(data, b, photometric);
    }

    long byteSize() { return data.capacity(); }

    int sampleCount() { return rows * columns * samplesPerPixel; }
}
