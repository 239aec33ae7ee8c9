package org.pdistation.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Start-up measurement for the portable viewer on slow media (issue 9): with the environment variable
 * {@value #ENV} set, prints once, when the first window is shown, the time since the process started and the bytes
 * the process has read so far ({@code /proc/self/io}: {@code read_bytes} from storage, {@code rchar} through
 * read calls) to standard error. Off otherwise; no effect on the station.
 */
final class StartupProbe {
    static final String ENV = "PDISTATION_STARTUP_PROBE";

    private StartupProbe() {}

    /** Starts the probe when asked for by the environment; returns at once. */
    static void installIfRequested() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank() || v.equals("0")) {
            return;
        }
        Thread t = new Thread(StartupProbe::waitForToolkit, "startup-probe");
        t.setDaemon(true);
        t.start();
    }

    private static void waitForToolkit() {
        AtomicBoolean reported = new AtomicBoolean();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> watch(reported));
                return;
            } catch (IllegalStateException notYetStarted) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void watch(AtomicBoolean reported) {
        for (Window w : Window.getWindows()) {
            attach(w, reported);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> attach(w, reported));
            }
        });
    }

    private static void attach(Window w, AtomicBoolean reported) {
        if (w.isShowing()) {
            report(reported);
        } else {
            w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> report(reported));
        }
    }

    private static void report(AtomicBoolean reported) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        long ms = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        System.err.printf("pdistation startup: window shown after %d ms; read_bytes=%d rchar=%d%n", ms,
                ioField("read_bytes"), ioField("rchar"));
    }

    /** A counter of /proc/self/io (Linux), or -1 where there is none. */
    private static long ioField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
