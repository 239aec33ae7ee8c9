package org.pdistation.viewer.view;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.pdistation.imaging.render.cache.FrameCache;
import org.pdistation.imaging.render.cache.InstanceFrameLoader;
import org.pdistation.imaging.render.series.InstanceRef;

/**
 * What every viewport shares: the decoded-frame cache under one byte budget (ARCHITECTURE decision 4), the frame
 * loader and a bounded prefetch executor. Closing it stops the threads and closes open files.
 */
public final class RenderEngine implements AutoCloseable {
    /** Default budget: 512 MB of decoded frames is ~1,000 CT slices of 512² at 16 bits. */
    public static final long DEFAULT_BUDGET = 512L << 20;

    private final FrameCache<InstanceRef> cache;
    private final InstanceFrameLoader loader = new InstanceFrameLoader();
    private final ThreadPoolExecutor prefetch;
    private final FrameStages stages = new FrameStages();
    /** Who scales images to the viewports; detected on first use (the FX toolkit is up by then). */
    private volatile ScalingMode scaling;

    public RenderEngine(long budgetBytes) {
        this.cache = new FrameCache<>(budgetBytes);
        // Two decoders, a short queue; prefetches beyond it are dropped (the cache lets a later acquire take them).
        this.prefetch = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                daemonThreads("pdistation-prefetch"), new ThreadPoolExecutor.DiscardPolicy());
        this.prefetch.allowCoreThreadTimeOut(true);
    }

    public FrameCache<InstanceRef> cache() { return cache; }

    public InstanceFrameLoader loader() { return loader; }

    public ExecutorService prefetchExecutor() { return prefetch; }

    /** Per-stage CPU and wall time of the frames drawn by this engine's viewports (benchmark, diagnostics). */
    public FrameStages stages() { return stages; }

    /** Who scales images to the viewports (see {@link ScalingMode}): detected from the pipeline, or as set. */
    public ScalingMode scaling() {
        ScalingMode m = scaling;
        if (m == null) scaling = m = ScalingMode.detect();
        return m;
    }

    /** Sets who scales for every viewport of this engine (each follows from its next frame). */
    public void setScaling(ScalingMode mode) { this.scaling = mode; }

    /** Daemon threads: a stuck decode of a hostile file must never keep the station's process alive. */
    public static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        prefetch.shutdownNow();
        loader.close();
        cache.clear();
    }
}
