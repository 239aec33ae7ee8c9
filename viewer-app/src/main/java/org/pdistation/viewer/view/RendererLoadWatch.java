package org.pdistation.viewer.view;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The measured fallback of {@link ScalingMode#detect}: a pipeline that claims hardware can still rasterise in
 * software (OpenGL on Mesa's llvmpipe in a VM). While Prism scales, this watches the CPU time of Prism's render
 * thread ("QuantumRenderer") over runs of frames shown in quick succession (scrolling, cine); when it costs more
 * than half a 60 Hz frame per frame, Prism is not on a GPU and the viewports should scale themselves.
 */
final class RendererLoadWatch {
    /** Frames per measurement. */
    static final int FRAMES = 60;
    /** Prism thread CPU per frame above which we scale ourselves: half of a 60 Hz frame. */
    static final double LIMIT_MS = 1000.0 / 60 / 2;
    /** A run counts only when its frames came this fast (else idle pulses would be charged to them). */
    private static final long MAX_RUN_NANOS = 2_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long prismThread = -1;
    private long cpuStart;
    private long wallStart;
    private int frames;

    /** Counts one frame shown while Prism scales; true once Prism's renderer has been measured as too slow. */
    boolean tooSlowAfterFrame() {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) return false;
        if (prismThread < 0 && (prismThread = findPrismThread()) < 0) return false;
        long now = System.nanoTime();
        if (frames == 0) {
            cpuStart = THREADS.getThreadCpuTime(prismThread);
            wallStart = now;
        }
        if (++frames <= FRAMES) return false;
        long cpu = THREADS.getThreadCpuTime(prismThread);
        frames = 0;
        if (cpu < 0 || cpuStart < 0) {
            prismThread = -1; // the thread is gone (toolkit restarted): look again next time
            return false;
        }
        return now - wallStart <= MAX_RUN_NANOS && (cpu - cpuStart) / 1e6 / FRAMES > LIMIT_MS;
    }

    private static long findPrismThread() {
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("QuantumRenderer")) return t.getThreadId();
        }
        return -1;
    }
}
