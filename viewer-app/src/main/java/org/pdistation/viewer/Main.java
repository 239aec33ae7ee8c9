package org.pdistation.viewer;

import org.pdistation.viewer.cli.PdiStationCommand;

/** Entry point of pdistation.jar: a subcommand runs headless; no arguments will start the station. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(StationLauncher.launch());
        }
        // The log file lives in the user's data folder; logback reads this property when it starts (logback.xml).
        System.setProperty("pdistation.log.dir", AppHome.resolve().logsPathUnchecked().toString());
        System.exit(PdiStationCommand.commandLine().execute(args));
    }
}
