package org.pdistation.viewer;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Application;

import org.pdistation.viewer.app.LaunchOptions;
import org.pdistation.viewer.app.StationApp;

/** Starts the graphical station and waits until it is closed. */
public final class StationLauncher {
    private StationLauncher() {}

    /** The station with nothing open. Returns the process exit code. */
    static int launch() {
        return launch(new LaunchOptions(null, null));
    }

    /**
     * The station with {@code options}; returns 0, or 1 when the display cannot be opened or a requested
     * screenshot was not written.
     */
    public static int launch(LaunchOptions options) {
        System.setProperty("pdistation.log.dir", AppHome.resolve().logsPathUnchecked().toString());
        Path shot = options.screenshot() == null ? null : options.screenshot().toAbsolutePath();
        try {
            if (shot != null) Files.deleteIfExists(shot);
            StartupProbe.installIfRequested();
            Application.launch(StationApp.class, options.toArgs().toArray(String[]::new));
        } catch (Exception | LinkageError e) {
            // No display (DISPLAY unset, no Wayland) or missing natives: a sentence, not a stack trace.
            System.err.println("pdistation: cannot start the station window: " + e.getMessage());
            return 1;
        }
        return shot == null || Files.isRegularFile(shot) ? 0 : 1;
    }
}
