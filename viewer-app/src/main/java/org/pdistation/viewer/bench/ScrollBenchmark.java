package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.Voi;
import org.pdistation.imaging.render.cache.CachedFrame;
import org.pdistation.imaging.render.cache.FrameCache;
import org.pdistation.imaging.render.cache.InstanceFrameLoader;
import org.pdistation.imaging.render.series.InstanceRef;
import org.pdistation.imaging.render.series.SeriesLoader;
import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.imaging.render.series.Stack;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * The render path of a viewer without the UI: open a series folder (headers, geometry, sort), then show every
 * slice front to back — frame from the cache (decoded ahead by prefetch threads), windowed into a direct buffer as
 * a JavaFX PixelBuffer would hold. Figures: time to the first image, sustained frames per second and the slowest
 * frame; and, in a child JVM with {@code -Xmx512m}, the peak heap while scrolling a 2,000-slice series.
 */
public final class ScrollBenchmark {
    /** What one scroll measured. */
    public record Figures(int slices, double firstImageMs, double framesPerSecond, double worstFrameMs,
                         long peakHeapBytes, int errors, double p50FrameMs, double p99FrameMs, String worstFrameCause) {
        public Figures(int slices, double firstImageMs, double framesPerSecond, double worstFrameMs, long peakHeapBytes,
                       int errors, double p50FrameMs, double p99FrameMs) {
            this(slices, firstImageMs, framesPerSecond, worstFrameMs, peakHeapBytes, errors, p50FrameMs, p99FrameMs, "");
        }
    }

    private ScrollBenchmark() {}

    public static void run(int slices, int heapSlices, Path work, PrintWriter out) throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("pdistation-scroll");
        try {
            Path series = write(dir.resolve("scroll-" + slices), slices, out);
            scroll(series, 256L << 20, 8, 2); // warm-up pass: JIT, page cache
            Figures f = scroll(series, 256L << 20, 8, 2);
            // The display's pace: a frame is due every 1/60 s, as cine or a held-down arrow key shows them. The
            // free-running pass above overtakes its own prefetch (it asks for frames faster than two threads
            // decode them), so its slowest frames measure decode, not the render path at the recorded rate.
            Figures paced = scroll(series, 256L << 20, 8, 2, 60);
            out.printf("scroll-%d-fps %.1f 60 %.3f   (decode + window 512x512, target >= 60; ratio = 60/ours; worst frame %.1f ms; %d errors)%n",
                    slices, f.framesPerSecond(), 60 / f.framesPerSecond(), f.worstFrameMs(), f.errors());
            out.printf("scroll-%d-free-frame-ms p50 %.2f p99 %.2f max %.2f   (free-running: frames as fast as they come)%n",
                    slices, f.p50FrameMs(), f.p99FrameMs(), f.worstFrameMs());
            out.printf("scroll-%d-at-60fps-max-frame-ms %.2f 16.7 %.3f   (paced at 60 fps: p50 %.2f p99 %.2f ms; ratio = max/16.7, target <= 1; slowest frame: %s)%n",
                    slices, paced.worstFrameMs(), paced.worstFrameMs() / 16.7, paced.p50FrameMs(), paced.p99FrameMs(),
                    paced.worstFrameCause());
            out.printf("first-image-%d-ms %.1f 300 %.3f   (open folder, sort %d headers, decode + window slice 1; target <= 300)%n",
                    slices, f.firstImageMs(), f.firstImageMs() / 300, slices);
            out.flush();
            if (heapSlices > 0) {
                Path big = write(dir.resolve("scroll-" + heapSlices), heapSlices, out);
                Figures h = child(big);
                out.printf("scroll-%d-heap-MiB %.1f 512 %.3f   (child JVM -Xmx512m, cache budget 256 MiB off-heap; %.1f fps, %d errors)%n",
                        heapSlices, h.peakHeapBytes() / 1048576.0, h.peakHeapBytes() / 1048576.0 / 512,
                        h.framesPerSecond(), h.errors());
            }
        } finally {
            if (work == null) deleteTree(dir);
        }
    }

    private static Path write(Path root, int slices, PrintWriter out) throws IOException {
        long t0 = System.nanoTime();
        new SyntheticCtStudy(512, slices, 7).write(root, slices);
        out.printf("# generated a %d-slice 512x512 CT series in %.1f s%n", slices, (System.nanoTime() - t0) / 1e9);
        out.flush();
        return root;
    }

    /** Scrolls the largest stack under {@code folder} once, front to back. */
    public static Figures scroll(Path folder, long budget, int prefetch, int threads) throws Exception {
        return scroll(folder, budget, prefetch, threads, 0);
    }

    /**
     * Scrolls once; with {@code pacedFps} > 0 frame i (after the first) is started no earlier than its due time,
     * i / pacedFps after the first image, and its figure is the time from that start to the rendered image.
     */
    public static Figures scroll(Path folder, long budget, int prefetch, int threads, double pacedFps)
            throws Exception {
        Runtime rt = Runtime.getRuntime();
        long start = System.nanoTime();
        SeriesLoader.Result loaded = new SeriesLoader().loadFolder(folder);
        Stack stack = loaded.series().stream().map(s -> s.geometry().primary()).filter(s -> s != null)
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow(() -> new IOException("no image series under " + folder));
        List<InstanceRef> order = stack.slices().stream().map(SliceInfo::ref).toList();
        Dataset header = DicomReader.read(order.get(0).path(), ReadOptions.HEADER_ONLY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(header);
        GreyscaleRenderer renderer = GreyscaleRenderer.of(header, desc, new LutCache());
        ByteBuffer display = ByteBuffer.allocateDirect((int) desc.pixels());
        FrameBuffer samples = new FrameBuffer();
        FrameCache<InstanceRef> cache = new FrameCache<>(budget);
        ExecutorService decoders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scroll-decode");
            t.setDaemon(true);
            return t;
        });
        double first = 0;
        double worst = 0;
        String worstCause = "";
        var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        var gcBeans = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        double[] frameMs = new double[Math.max(0, order.size() - 1)];
        long peak = 0;
        int errors = 0;
        long loopStart = 0;
        try (InstanceFrameLoader loader = new InstanceFrameLoader()) {
            long period = pacedFps > 0 ? (long) (1e9 / pacedFps) : 0;
            for (int i = 0; i < order.size(); i++) {
                if (period > 0 && i > 0) {
                    long due = loopStart + i * period;
                    for (long now; (now = System.nanoTime()) < due; ) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                    }
                }
                long t0 = System.nanoTime();
                // What the slowest frame was doing: its own CPU time, whether its frame was decoded ahead, and
                // whether a collection ran meanwhile; wall time far above CPU time with neither is the scheduler
                // (other processes on the machine), not this path.
                long cpu0 = threadBean.getCurrentThreadCpuTime();
                long gc0 = gcCount(gcBeans);
                boolean ready = cache.isCached(order.get(i));
                for (int k = 1; k <= prefetch && i + k < order.size(); k++) cache.prefetch(order.get(i + k), loader, decoders);
                try (CachedFrame f = cache.acquire(order.get(i), loader)) {
                    samples.reset(f.rows(), f.columns(), f.samplesPerPixel(), f.kind());
                    switch (f.kind()) {
                        case BYTE -> f.copyTo(samples.bytes());
                        case SHORT -> f.copyTo(samples.shorts());
                        case INT -> f.copyTo(samples.ints());
                    }
                    Voi voi = renderer.defaultVoi(order.get(i).frame(), samples);
                    renderer.render(samples, order.get(i).frame(), voi, display);
                } catch (org.pdistation.imaging.render.cache.FrameLoadException e) {
                    errors++;
                }
                long t1 = System.nanoTime();
                if (i == 0) {
                    first = (t1 - start) / 1e6;
                    loopStart = t1;
                } else {
                    if ((t1 - t0) / 1e6 > worst) {
                        worstCause = String.format(java.util.Locale.ROOT, "cpu %.2f ms, %s, %d collections during it",
                                (threadBean.getCurrentThreadCpuTime() - cpu0) / 1e6,
                                ready ? "decoded ahead" : "waited for its decode", gcCount(gcBeans) - gc0);
                    }
                    worst = Math.max(worst, (t1 - t0) / 1e6);
                    frameMs[i - 1] = (t1 - t0) / 1e6;
                }
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
            }
        } finally {
            decoders.shutdownNow();
            decoders.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - loopStart) / 1e9;
        double[] sorted = frameMs.clone();
        java.util.Arrays.sort(sorted);
        return new Figures(order.size(), first, (order.size() - 1) / Math.max(seconds, 1e-9), worst, peak, errors,
                percentile(sorted, 0.50), percentile(sorted, 0.99), worstCause);
    }

    private static long gcCount(List<java.lang.management.GarbageCollectorMXBean> beans) {
        long n = 0;
        for (var b : beans) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Runs {@link #main} in a JVM limited to 512 MiB of heap and reads its figures back. */
    private static Figures child(Path folder) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:MaxDirectMemorySize=400m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ScrollBenchmark.class.getName(), folder.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IOException("scroll child failed: " + output);
        for (String line : output.split("\n")) {
            if (line.startsWith("figures ")) {
                String[] v = line.substring(8).trim().split(" ");
                return new Figures(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                        Double.parseDouble(v[3]), Long.parseLong(v[4]), Integer.parseInt(v[5]),
                        Double.parseDouble(v[6]), Double.parseDouble(v[7]));
            }
        }
        throw new IOException("scroll child printed no figures: " + output);
    }

    /** Child entry point: {@code ScrollBenchmark FOLDER}; prints one {@code figures …} line. */
    public static void main(String[] args) throws Exception {
        Figures f = scroll(Path.of(args[0]), 256L << 20, 8, 2);
        System.out.printf(java.util.Locale.ROOT, "figures %d %.3f %.3f %.3f %d %d %.3f %.3f%n", f.slices(),
                f.firstImageMs(), f.framesPerSecond(), f.worstFrameMs(), f.peakHeapBytes(), f.errors(),
                f.p50FrameMs(), f.p99FrameMs());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
