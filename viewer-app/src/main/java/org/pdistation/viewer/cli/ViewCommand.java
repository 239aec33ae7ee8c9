package org.pdistation.viewer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.pdistation.viewer.StationLauncher;
import org.pdistation.viewer.app.LaunchOptions;

/** {@code pdistation view PATH [--screenshot FILE.png]}: opens the station on a medium. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Opens the station on a folder, disc, DICOMDIR or DICOM file.",
                "With --screenshot, waits until the browser and the first series are drawn, saves the window as a "
                        + "PNG and exits."})
final class ViewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "folder, mounted disc, DICOMDIR or DICOM file")
    Path path;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "save a PNG of the window and exit")
    Path screenshot;

    @Override
    public Integer call() {
        return StationLauncher.launch(new LaunchOptions(path.toAbsolutePath(), screenshot));
    }
}
