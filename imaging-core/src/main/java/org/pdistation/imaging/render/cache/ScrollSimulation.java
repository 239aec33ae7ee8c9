package org.pdistation.imaging.render.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.pdistation.imaging.render.series.InstanceRef;
import org.pdistation.imaging.render.series.SeriesLoader;
import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.imaging.render.series.Stack;

/**
 * Benchmark of the viewer's scroll path without the display: opens a folder, takes the largest stack of the
 * largest series, and reads its frames front to back through a {@link FrameCache} as the UI thread would, with
 * the next N frames prefetched on decode threads. Reports frames/s and the peak heap in use (sampled each frame),
 * which stays small because frames live off-heap.
 */
public final class ScrollSimulation {
    /**
     * @param budgetBytes   cache budget
     * @param prefetch      frames ahead to prefetch (0: none, every frame decoded on the scrolling thread)
     * @param decodeThreads prefetch threads
     * @param passes        times the stack is scrolled through (later passes hit the cache if it is large enough)
     */
    public record Options(long budgetBytes, int prefetch, int decodeThreads, int passes) {
        public static final Options DEFAULT = new Options(256L << 20, 8, 2, 1);
    }

    /**
     * @param frames          frames displayed (frames in the stack × passes)
     * @param errors          frames that failed to load
     * @param seconds         wall time of the scroll
     * @param framesPerSecond frames over seconds
     * @param peakHeapBytes   largest totalMemory − freeMemory seen while scrolling
     * @param stats           the cache's counters at the end
     */
    public record Report(int frames, int errors, double seconds, double framesPerSecond, long peakHeapBytes,
                         CacheStats stats) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%d frames (%d errors) in %.3f s: %.1f frames/s, peak heap %.1f MiB, cache hits %d misses %d "
                            + "prefetches %d evictions %d, %.1f MiB retained of %.1f MiB",
                    frames, errors, seconds, framesPerSecond, peakHeapBytes / 1048576.0, stats.hits(),
                    stats.misses(), stats.prefetches(), stats.evictions(), stats.bytes() / 1048576.0,
                    stats.budget() / 1048576.0);
        }
    }

    private ScrollSimulation() {}

    /** Scrolls the primary stack of the series with most images under {@code folder}. */
    public static Report run(Path folder, Options options) throws Exception {
        SeriesLoader.Result loaded = new SeriesLoader().loadFolder(folder);
        Stack stack = loaded.series().stream()
                .map(s -> s.geometry().primary())
                .filter(s -> s != null)
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow(() -> new IllegalArgumentException("no image series under " + folder));
        return run(stack.slices().stream().map(SliceInfo::ref).toList(), options);
    }

    /** Scrolls {@code order} front to back {@code options.passes()} times. */
    public static Report run(List<InstanceRef> order, Options options) throws InterruptedException {
        FrameCache<InstanceRef> cache = new FrameCache<>(options.budgetBytes());
        ExecutorService decoders = Executors.newFixedThreadPool(Math.max(1, options.decodeThreads()), r -> {
            Thread t = new Thread(r, "scroll-decode");
            t.setDaemon(true);
            return t;
        });
        Runtime rt = Runtime.getRuntime();
        long peak = 0;
        int errors = 0;
        int shown = 0;
        long checksum = 0;
        long start = System.nanoTime();
        try (InstanceFrameLoader loader = new InstanceFrameLoader()) {
            for (int pass = 0; pass < options.passes(); pass++) {
                for (int i = 0; i < order.size(); i++) {
                    for (int k = 1; k <= options.prefetch() && i + k < order.size(); k++) {
                        cache.prefetch(order.get(i + k), loader, decoders);
                    }
                    try (CachedFrame f = cache.acquire(order.get(i), loader)) {
                        // Touch the frame as a renderer would (one sample per row) so the read is not dead code.
                        int step = Math.max(1, f.columns());
                        for (int s = 0; s < f.sampleCount(); s += step) checksum += f.sample(s);
                    } catch (FrameLoadException e) {
                        errors++;
                    }
                    shown++;
                    peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (checksum == Long.MIN_VALUE) System.out.print(""); // keep the checksum alive
            return new Report(shown, errors, seconds, shown / Math.max(seconds, 1e-9), peak, cache.stats());
        } finally {
            decoders.shutdownNow();
            decoders.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** {@code ScrollSimulation FOLDER [budgetMiB] [prefetch] [decodeThreads] [passes]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScrollSimulation FOLDER [budgetMiB] [prefetch] [decodeThreads] [passes]");
            System.exit(2);
        }
        Options d = Options.DEFAULT;
        Options o = new Options(
                args.length > 1 ? Long.parseLong(args[1]) << 20 : d.budgetBytes(),
                args.length > 2 ? Integer.parseInt(args[2]) : d.prefetch(),
                args.length > 3 ? Integer.parseInt(args[3]) : d.decodeThreads(),
                args.length > 4 ? Integer.parseInt(args[4]) : d.passes());
        System.out.println(run(Path.of(args[0]), o));
    }
}
