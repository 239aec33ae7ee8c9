package org.pdistation.viewer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.app.MainWindow;
import org.pdistation.viewer.app.StationApp;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.RecentMedia;
import org.pdistation.viewer.view.FrameStages;
import org.pdistation.viewer.view.Viewport;

/**
 * The station's own UI figures through the real render path (MainWindow, viewports, PixelBuffer, JavaFX pulses) on
 * whatever glass platform the JVM has: a display, Xvfb ({@code xvfb-run}) or Monocle headless. Prints
 * {@code name ours target ratio} lines: first image after opening a 500-slice DICOMDIR series, a 30-study disc's
 * browser complete, scroll and cine frame times at 512², and process start to window shown (a child JVM).
 */
public final class UiBenchmark {
    private static final double FRAME_MS = 1000.0 / 60;
    private static final int START_RUNS = 5;

    private UiBenchmark() {}

    public static void run(int slices, int studies, Path work, PrintWriter out) throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("pdistation-ui");
        try {
            Path series = dir.resolve("series");
            long t0 = System.nanoTime();
            new SyntheticCtStudy(512, slices, 7).write(series, slices);
            DicomDirWriter.write(new DicomDirWriter.Request(series, Profile.STD_GEN_CD, "UIBENCH"));
            Path disc = dir.resolve("disc");
            for (int k = 1; k <= studies; k++) {
                new SyntheticCtStudy(128, 10, 100 + k).write(disc.resolve(String.format("S%02d", k)), 10);
            }
            DicomDirWriter.write(new DicomDirWriter.Request(disc, Profile.STD_GEN_CD, "UIBENCH30"));
            out.printf("# generated a %d-slice 512x512 series and a %d-study disc with DICOMDIRs in %.1f s%n", slices,
                    studies, (System.nanoTime() - t0) / 1e9);
            out.flush();
            inProcess(series, disc, slices, studies, dir.resolve("home"), out);
            Path home = dir.resolve("home");
            // Start-up is noisy on a shared machine: the median of several runs, each one's phases printed.
            double[] starts = new double[START_RUNS];
            for (int i = 0; i < START_RUNS; i++) starts[i] = startToWindow(home, List.of(), "plain-" + (i + 1), out);
            Arrays.sort(starts);
            line(out, "ui-start-to-window-ms", starts[START_RUNS / 2], 2000,
                    "child JVM: process start -> stage shown, median of " + START_RUNS + ", " + loadAverage());
            // AppCDS (JDK 19+ auto-created dynamic archive): the first run writes the archive at exit, later runs
            // map the classes the station loads instead of parsing and verifying them again.
            Path jsa = home.resolve("pdistation.jsa");
            List<String> cds = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + jsa);
            startToWindow(home, cds, "cds-training", out);
            double withCds = startToWindow(home, cds, "cds", out);
            line(out, "ui-start-to-window-cds-ms", withCds, 2000,
                    "as above with -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=<data folder>/pdistation.jsa");
            if (Runtime.version().feature() >= 25) {
                // JDK 25 AOT cache (JEPs 483, 514, 515): classes loaded and linked ahead, plus method profiles.
                Path aot = home.resolve("pdistation.aot");
                startToWindow(home, List.of("-XX:AOTCacheOutput=" + aot), "aot-training", out);
                double withAot = startToWindow(home, List.of("-XX:AOTCache=" + aot), "aot", out);
                line(out, "ui-start-to-window-aot-ms", withAot, 2000,
                        "as above with -XX:AOTCache=<data folder>/pdistation.aot (JDK 25, made by -XX:AOTCacheOutput)");
            }
        } finally {
            if (work == null) deleteTree(dir);
        }
    }

    private static void inProcess(Path series, Path disc, int slices, int studies, Path home, PrintWriter out)
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
        MainWindow[] w = new MainWindow[1];
        Stage[] stage = new Stage[1];
        fx(() -> {
            w[0] = new MainWindow(new Messages(Locale.ENGLISH), new RecentMedia(home));
            stage[0] = new Stage();
            stage[0].setScene(StationApp.createScene(w[0]));
            stage[0].setWidth(1440);
            stage[0].setHeight(900);
            stage[0].show();
        });
        try {
            MainWindow mw = w[0];
            out.println("# " + fxGet(UiBenchmark::environment));
            out.flush();
            // Warm-up: JIT, class loading, the toolkit's first pulses; then the timed opens.
            openTimed(mw, disc);
            double browser = openTimed(mw, disc)[1];
            openTimed(mw, series);
            double[] first = openTimed(mw, series);
            line(out, "ui-first-image-" + slices + "-ms", first[0], 300, "open DICOMDIR -> first slice drawn");
            line(out, "ui-browser-" + studies + "-studies-ms", browser, 1000, "open DICOMDIR -> tree, thumbnails, first slice");
            Viewport v = mw.viewer().viewports().get(0);
            FrameStages stages = mw.viewer().engine().stages();
            stages.reset();
            ThreadCpu cpu = new ThreadCpu();
            long[] replaced = new long[1];
            double[] scroll = frameTimes(v, slices, false, replaced);
            report(out, "ui-scroll-512", scroll);
            out.printf(Locale.ROOT, "ui-scroll-replaced %d 0 -   (slices asked for on a pulse but replaced by the next "
                    + "before reaching the screen, of %d)%n", replaced[0], slices - 1);
            breakdown(out, "ui-scroll-512", stages, cpu, scroll.length + 1);
            stages.reset();
            cpu = new ThreadCpu();
            // At the recorded rate: no frame may be dropped (issue 8).
            double[] recorded = frameTimes(v, Math.min(slices, 150), true, replaced);
            long dropped = fxGet(() -> v.cine().droppedFrames());
            double recordedFps = fxGet(() -> v.cine().recordedFramesPerSecond());
            out.printf(Locale.ROOT, "ui-cine-dropped %d 0 -   (at the recorded rate %.1f fps, %d intervals)%n",
                    dropped, recordedFps, recorded.length);
            // Then at 60 frames per second (the speed factor over the recorded rate): the frame-rate target.
            stages.reset();
            cpu = new ThreadCpu();
            fx(() -> v.cine().speedProperty().set(60.0 / recordedFps));
            double[] cine = frameTimes(v, Math.min(slices, 150), true, replaced);
            fx(() -> v.cine().speedProperty().set(1));
            report(out, "ui-cine-512", cine);
            breakdown(out, "ui-cine-512", stages, cpu, cine.length + 1);
            out.printf(Locale.ROOT, "ui-cine-60fps-dropped %d 0 -   (played at 60 fps)%n",
                    fxGet(() -> v.cine().droppedFrames()));
            out.flush();
        } finally {
            fx(() -> {
                stage[0].close();
                w[0].dispose();
            });
        }
    }

    /** [ms to the first slice drawn, ms to everything drawn]. */
    private static double[] openTimed(MainWindow mw, Path path) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Double> first = new CompletableFuture<>();
        // Listen on the FX thread (no polling, which would load the FX thread being measured): the first frame the
        // first viewport draws after the open is the first image.
        javafx.beans.value.ChangeListener<Number> l = (o, a, b) -> first.complete((System.nanoTime() - t0) / 1e6);
        Viewport v = fxGet(() -> mw.viewer().viewports().get(0));
        fx(() -> {
            v.framesShownProperty().addListener(l);
            mw.open(path);
        });
        double firstMs = first.get(120, TimeUnit.SECONDS);
        fx(() -> v.framesShownProperty().removeListener(l));
        CompletableFuture<Void> ready = fxGet(mw::ready);
        ready.get(120, TimeUnit.SECONDS);
        double[] firstAndAll = {firstMs, (System.nanoTime() - t0) / 1e6};
        return firstAndAll;
    }

    /**
     * Scroll: one slice further on every pulse (as fast as the display can show); cine: play at the recorded rate.
     * Returns the intervals between frames reaching the screen, ms; {@code dropped[0]} gets the scroll requests that
     * were replaced by a newer one before they reached the screen.
     */
    private static double[] frameTimes(Viewport v, int frames, boolean cine, long[] dropped) throws Exception {
        List<Long> shownAt = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            v.indexProperty().set(0);
            javafx.beans.value.ChangeListener<Number> l = (o, a, b) -> shownAt.add(System.nanoTime());
            v.framesShownProperty().addListener(l);
            if (cine) {
                v.cine().play();
            }
            new AnimationTimer() {
                int i;

                @Override
                public void handle(long now) {
                    if (!cine && i < frames - 1) v.indexProperty().set(++i);
                    boolean last = cine ? v.cine().requestedFrames() >= frames : i >= frames - 1;
                    // Finished when the last slice asked for is on screen (earlier ones may have been replaced).
                    if (last && v.shownIndex() == v.indexProperty().get()) {
                        stop();
                        v.framesShownProperty().removeListener(l);
                        if (cine) v.cine().pause();
                        dropped[0] = Math.max(0, (cine ? v.cine().requestedFrames() : frames - 1) - shownAt.size());
                        done.countDown();
                    }
                }
            }.start();
        });
        if (!done.await(300, TimeUnit.SECONDS)) throw new IOException("frames did not advance within 300 s");
        List<Long> t = fxGet(() -> List.copyOf(shownAt));
        double[] d = new double[Math.max(0, t.size() - 1)];
        for (int i = 1; i < t.size(); i++) d[i - 1] = (t.get(i) - t.get(i - 1)) / 1e6;
        return d;
    }

    /**
     * Per-frame CPU time of each stage (in the thread doing it) and of each thread role, so that the figures keep
     * their meaning on a loaded machine: wall time per frame there includes waiting for a core.
     */
    private static void breakdown(PrintWriter out, String name, FrameStages stages, ThreadCpu cpu, int frames) {
        StringBuilder b = new StringBuilder("# " + name + " CPU ms per frame by stage (cpu/wall):");
        for (FrameStages.Stage st : FrameStages.Stage.values()) {
            FrameStages.Totals t = stages.totals(st);
            b.append(String.format(Locale.ROOT, " %s %.2f/%.2f", st.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    t.cpuMsPerFrame(), t.wallMsPerFrame()));
        }
        out.println(b);
        StringBuilder t = new StringBuilder("# " + name + " CPU ms per frame by thread:");
        for (var e : cpu.since().entrySet()) {
            t.append(String.format(Locale.ROOT, " %s %.2f", e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e.getValue() / Math.max(1, frames)));
        }
        out.println(t);
        out.flush();
    }

    /** The render pipeline and glass platform in use, the CPUs and the machine's load, for judging the figures. */
    static String environment() {
        String pipeline = "?";
        String glass = "?";
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            if (p != null) pipeline = p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // internal API: when it is not reachable, say so rather than guess
        }
        try {
            Object a = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null);
            if (a != null) glass = a.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // as above
        }
        return String.format(Locale.ROOT, "pipeline %s (prism.order=%s), glass %s, %d CPUs, %s, java %s",
                pipeline, System.getProperty("prism.order", "default"), glass,
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
    }

    /** The machine's load (Linux /proc/loadavg), for judging figures taken on a shared machine. */
    private static String loadAverage() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "loadavg ?"; // not Linux
        }
    }

    private static void report(PrintWriter out, String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            out.println(name + " - - -   (no frames)");
            return;
        }
        double p50 = s[s.length / 2], p99 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)];
        long over = Arrays.stream(s).filter(x -> x > FRAME_MS).count();
        double fps = 1000 / (Arrays.stream(s).sum() / s.length);
        line(out, name + "-fps", fps, 60, "");
        out.printf(Locale.ROOT, "%s-frame-ms p50 %.1f p99 %.1f max %.1f; %d of %d frames over 16.7 ms%n", name, p50, p99,
                s[s.length - 1], over, s.length);
        out.flush();
    }

    private static void line(PrintWriter out, String name, double ours, double target, String note) {
        boolean lowerIsBetter = name.endsWith("-ms");
        out.printf(Locale.ROOT, "%s %.1f %.0f %.3f   (%s target %s %.0f)%n", name, ours, target,
                lowerIsBetter ? ours / target : target / ours, note, lowerIsBetter ? "<=" : ">=", target);
        out.flush();
    }

    /**
     * Runs {@link StartProbe} in a child JVM (with {@code jvmArgs} before the class) and times process start to its
     * "shown" line; prints the phases the probe reports (JVM up to main, toolkit started, window built, shown) when
     * {@code out} is given.
     */
    static double startToWindow(Path home, List<String> jvmArgs, String label, PrintWriter out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        for (String p : new String[] {"prism.order", "glass.platform", "monocle.platform", "headless.geometry",
                "java.awt.headless", "testfx.headless"}) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.add("-Dpdistation.home=" + home);
        cmd.add(StartProbe.class.getName());
        long epoch0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            StringBuilder seen = new StringBuilder();
            StringBuilder phases = new StringBuilder();
            while ((l = r.readLine()) != null) {
                if (l.startsWith("phase ")) {
                    String[] f = l.split(" ");
                    phases.append(' ').append(f[1]).append(' ').append(Long.parseLong(f[2]) - epoch0);
                } else if (l.startsWith("shown")) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    p.waitFor(60, TimeUnit.SECONDS);
                    if (out != null) {
                        out.printf(Locale.ROOT, "# start-to-window %s phases (ms after process start):%s shown %.0f%n",
                                label, phases, ms);
                        out.flush();
                    }
                    return ms;
                } else {
                    seen.append(l).append('\n');
                }
            }
            throw new IOException("the start probe never showed its window: " + seen);
        } finally {
            p.destroy();
        }
    }

    private static void fx(Runnable r) throws Exception {
        fxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) return c.call();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    /** Child JVM: starts the station window the way {@code pdistation} does and prints "shown" once it is on screen. */
    public static final class StartProbe {
        private StartProbe() {}

        public static void main(String[] args) {
            System.out.println("phase main " + System.currentTimeMillis());
            // A main class that is not itself an Application: the launcher then needs no JavaFX module path.
            javafx.application.Application.launch(ProbeApp.class, args);
        }
    }

    /** The probe's window: the station's main window, empty. */
    public static final class ProbeApp extends javafx.application.Application {
        @Override
        public void start(Stage stage) throws IOException {
            System.out.println("phase fx-started " + System.currentTimeMillis());
            MainWindow w = new MainWindow(Messages.forDefaultLocale(),
                    new RecentMedia(org.pdistation.viewer.AppHome.resolve().settings()));
            System.out.println("phase window-made " + System.currentTimeMillis());
            stage.setScene(StationApp.createScene(w));
            System.out.println("phase window-built " + System.currentTimeMillis());
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.setOnShown(e -> {
                System.out.println("phase shown-event " + System.currentTimeMillis());
                Platform.runLater(() -> {
                    System.out.println("shown");
                    System.out.flush();
                    w.dispose();
                    Platform.exit();
                });
            });
            stage.show();
        }
    }
}
