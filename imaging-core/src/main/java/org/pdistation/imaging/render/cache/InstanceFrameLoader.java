package org.pdistation.imaging.render.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.render.series.InstanceRef;

/**
 * Loads {@link InstanceRef} frames from files for a {@link FrameCache}. {@link ImageFrames} is one-thread-only, so
 * each decode thread keeps its own, for the file it read last: frames of one multi-frame file, or consecutive
 * slices read by one thread, reuse the open file and its decoder. {@link #close()} closes them all.
 */
public final class InstanceFrameLoader implements FrameLoader<InstanceRef>, AutoCloseable {
    private final ThreadLocal<ImageFrames> current = new ThreadLocal<>();
    private final Queue<ImageFrames> opened = new ConcurrentLinkedQueue<>();

    @Override
    public Photometric load(InstanceRef key, FrameBuffer dst) throws Exception {
        return frames(key.path()).readFrame(key.frame(), dst);
    }

    private ImageFrames frames(Path path) throws IOException {
        ImageFrames f = current.get();
        if (f != null && f.instance().equals(path.toString())) return f;
        if (f != null) {
            f.close();
            opened.remove(f);
        }
        ImageFrames previous = f;
        f = ImageFrames.open(path);
        f.reuseBuffersOf(previous);
        current.set(f);
        opened.add(f);
        return f;
    }

    @Override
    public void close() {
        for (ImageFrames f; (f = opened.poll()) != null; ) f.close();
    }
}
