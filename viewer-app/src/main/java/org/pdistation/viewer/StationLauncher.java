package org.pdistation.viewer;

/** Starts the graphical station. Placeholder until the JavaFX station exists. */
final class StationLauncher {
    private StationLauncher() {}

    /** Returns the process exit code. */
    static int launch() {
        System.err.println("GUI not yet available; run 'pdistation --help' for the commands.");
        return 0;
    }
}
