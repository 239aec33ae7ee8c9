package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pdistation.creator.burn.BurnException;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.Burner;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.burn.Drive;
import org.pdistation.creator.burn.MediaStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation burn --list-drives} and {@code pdistation burn --device DEV [--eject] [--speed N] IMAGE.iso}:
 * burns an ISO image with the platform's tool (xorriso, IMAPI2, hdiutil). Exit codes: 0 done, 1 failed (the tool's
 * message is printed), 2 usage.
 */
@Command(name = "burn", mixinStandardHelpOptions = true,
        description = "Burn an ISO image to an optical disc, or list the drives.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (the image was written and verified)", "1:the burn failed", "2:usage error"})
public final class BurnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list-drives", description = "list the drives, one per line, with the medium in each")
    boolean listDrives;

    @Option(names = "--device", paramLabel = "DEV",
            description = "the drive: /dev/sr0 or stdio:FILE (Linux), the recorder id (Windows), the drive number"
                    + " (macOS)")
    String device;

    @Option(names = "--eject", description = "eject the disc when done")
    boolean eject;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "0",
            description = "write speed as an x-factor of the medium (default: the drive's maximum)")
    int speed;

    @Option(names = "--no-verify", description = "do not read the disc back to compare it with the image")
    boolean noVerify;

    @Option(names = "--simulate", description = "a dummy burn with the laser off, where the drive supports it")
    boolean simulate;

    @Parameters(arity = "0..1", paramLabel = "IMAGE.iso", description = "the ISO 9660 image to burn")
    Path image;

    private final Burner burner;

    public BurnCommand() {
        this(Burners.forPlatform());
    }

    BurnCommand(Burner burner) {
        this.burner = burner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listDrives) {
            if (device != null || image != null) {
                err.println("burn: --list-drives takes no device or image");
                return 2;
            }
            return listDrives(out, err);
        }
        if (device == null || image == null) {
            err.println("burn: give --device DEV and IMAGE.iso, or --list-drives");
            return 2;
        }
        if (speed < 0) {
            err.println("burn: --speed must be 0 or more");
            return 2;
        }
        if (!Files.isRegularFile(image)) {
            err.println("burn: " + image + ": no such image file");
            return 2;
        }
        BurnOptions options = BurnOptions.DEFAULT.withSpeed(speed).withEject(eject).withVerify(!noVerify)
                .withSimulate(simulate);
        Drive drive = Drive.of(device);
        ProgressDisplay display = new ProgressDisplay(out, System.console() != null);
        try {
            burner.burn(image, drive, options, display, Cancellation.none());
            display.finish();
            out.println("burn: " + image + " written to " + drive.describe()
                    + (simulate ? " (simulated: nothing was written)" : options.verify() ? " and verified" : ""));
            out.flush();
            return 0;
        } catch (BurnException e) {
            display.finish();
            out.flush();
            err.println("burn: FAILED: " + e.getMessage());
            err.flush();
            return PdiStationCommand.EXIT_INPUT_FAILED;
        }
    }

    private int listDrives(PrintWriter out, PrintWriter err) {
        List<Drive> drives;
        try {
            drives = burner.listDrives();
        } catch (BurnException e) {
            err.println("burn: " + e.getMessage());
            return 1;
        }
        if (drives.isEmpty()) {
            out.println("no drives");
            out.flush();
            return 0;
        }
        for (Drive d : drives) {
            String medium;
            try {
                MediaStatus s = burner.mediaStatus(d);
                medium = s.describe();
            } catch (BurnException e) {
                medium = "medium unknown: " + e.getMessage();
            }
            out.println(d.id() + "\t" + (d.vendor() + " " + d.model()).strip() + "\t" + medium);
        }
        out.flush();
        return 0;
    }
}
