package org.pdistation.viewer;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.pdistation.viewer.app.LaunchOptions;
import org.pdistation.viewer.cli.PdiStationCommand;

/**
 * Entry point of pdistation.jar: a subcommand runs headless; no arguments will start the station; a single
 * existing file or folder that is not a subcommand's name opens the station on it (what the packages' desktop
 * entries and file associations pass).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(StationLauncher.launch());
        }
        Path opened = openedPath(args);
        if (opened != null) {
            // A desktop file association (.dcm, DICOMDIR) or a drop on the launcher: the file's own path only.
            System.exit(StationLauncher.launch(new LaunchOptions(opened.toAbsolutePath(), null)));
        }
        // The log file lives in the user's data folder; logback reads this property when it starts (logback.xml).
        System.setProperty("pdistation.log.dir", AppHome.resolve().logsPathUnchecked().toString());
        System.exit(PdiStationCommand.commandLine().execute(args));
    }

    /** The path to open when the only argument names an existing file or folder rather than a subcommand. */
    static Path openedPath(String[] args) {
        if (args.length != 1 || args[0].isEmpty() || args[0].startsWith("-")
                || PdiStationCommand.commandLine().getSubcommands().containsKey(args[0])) {
            return null;
        }
        try {
            Path p = Path.of(args[0]);
            return Files.exists(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
