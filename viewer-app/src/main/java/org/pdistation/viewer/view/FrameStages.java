package org.pdistation.viewer.view;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a viewport's frame time goes, stage by stage, in CPU time of the thread doing the stage (not wall time, so
 * that the figures keep their meaning on a loaded machine) and in wall time. One instance per {@link RenderEngine},
 * shared by its viewports; counting costs two {@code getCurrentThreadCpuTime} calls per stage (about a microsecond).
 */
public final class FrameStages {
    /** The stages of one frame, in order. */
    public enum Stage {
        /** Render thread: waiting in the frame cache for the file read and decode (zero when prefetched). */
        READ_DECODE,
        /** Render thread: copying the decoded stored values out of the cache. */
        SAMPLES,
        /** Render thread: Modality LUT, VOI window and presentation into BGRA (and invert). */
        WINDOW,
        /** Render thread: scaling to the viewport's output pixels when Prism renders in software (else ~0). */
        SCALE,
        /** Render thread: the overlay texts of the slice. */
        OVERLAY_TEXTS,
        /** FX thread: copying the staged pixels into the on-screen PixelBuffer. */
        FX_COPY,
        /** FX thread: overlay labels, window/zoom texts, placement. */
        FX_UPDATE
    }

    /** Totals of one stage. */
    public record Totals(long count, long cpuNanos, long wallNanos) {
        public double cpuMsPerFrame() { return count == 0 ? 0 : cpuNanos / 1e6 / count; }

        public double wallMsPerFrame() { return count == 0 ? 0 : wallNanos / 1e6 / count; }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Stage, LongAdder[]> adders = new EnumMap<>(Stage.class);
    private final boolean cpuTime = THREADS.isCurrentThreadCpuTimeSupported();

    public FrameStages() {
        for (Stage s : Stage.values()) adders.put(s, new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    }

    /** Starts a measurement in {@code mark} (two longs, reused by its thread: no allocation per frame). */
    public void begin(long[] mark) {
        mark[0] = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
        mark[1] = System.nanoTime();
    }

    /** Adds the time since {@code started} to {@code stage} and restarts {@code started} for the next stage. */
    public void lap(Stage stage, long[] started) {
        long cpu = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
        long wall = System.nanoTime();
        LongAdder[] a = adders.get(stage);
        a[0].increment();
        a[1].add(cpu - started[0]);
        a[2].add(wall - started[1]);
        started[0] = cpu;
        started[1] = wall;
    }

    public Totals totals(Stage stage) {
        LongAdder[] a = adders.get(stage);
        return new Totals(a[0].sum(), a[1].sum(), a[2].sum());
    }

    /** Clears every stage (a benchmark starts a measured run). */
    public void reset() {
        for (LongAdder[] a : adders.values()) for (LongAdder x : a) x.reset();
    }
}
