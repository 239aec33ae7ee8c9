package org.pdistation.creator.burn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Burns on macOS: {@code drutil list} and {@code drutil -drive N status} for drives and media,
 * {@code hdiutil burn IMAGE -puppetstrings} to write (hdiutil verifies the burn itself unless told
 * {@code -noverifyburn}), {@code drutil -drive N eject}. A drive id is drutil's drive number; its path, when
 * {@code hdiutil burn -list} names as many devices as drutil does, is hdiutil's device path for {@code -device}.
 */
public final class DrutilBurner implements Burner {
    private static final Duration INQUIRY_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public List<Drive> listDrives() throws BurnException {
        ToolRunner.Outcome out = run(List.of(drutil(), "list"));
        List<Drive> drives = DrutilOutput.parseList(out.lines());
        ToolRunner.Outcome devices = ToolRunner.run(List.of(hdiutil(), "burn", "-list"), INQUIRY_TIMEOUT,
                Cancellation.none(), l -> { });
        List<String> paths = devices.exitCode() == 0 ? DrutilOutput.parseBurnDevices(devices.lines()) : List.of();
        if (paths.size() != drives.size()) {
            return drives;
        }
        List<Drive> withPaths = new ArrayList<>();
        for (int i = 0; i < drives.size(); i++) {
            Drive d = drives.get(i);
            withPaths.add(new Drive(d.id(), d.vendor(), d.model(), paths.get(i)));
        }
        return withPaths;
    }

    @Override
    public MediaStatus mediaStatus(Drive drive) throws BurnException {
        return DrutilOutput.parseStatus(run(List.of(drutil(), "-drive", drive.id(), "status")).lines());
    }

    @Override
    public void burn(Path isoImage, Drive drive, BurnOptions options, BurnProgress.Listener listener,
            Cancellation cancellation) throws BurnException {
        Path image = isoImage.toAbsolutePath();
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
            throw new BurnException("image " + image + " is not a readable file");
        }
        long size;
        try {
            size = Files.size(image);
        } catch (java.io.IOException e) {
            throw new BurnException("cannot read image " + image + ": " + e.getMessage(), e);
        }
        listener.progress(new BurnProgress(0, size, BurnPhase.PREPARING));
        MediaStatus medium = mediaStatus(drive);
        if (medium.state() != MediaState.BLANK) {
            throw new BurnException("the medium in " + drive.describe() + " is " + medium.describe()
                    + "; insert a blank disc");
        }
        BurnPhase[] phase = {BurnPhase.PREPARING};
        ToolRunner.Outcome out = ToolRunner.run(burnCommand(hdiutil(), image, drive, options), options.timeout(),
                cancellation, line -> DrutilOutput.parseProgress(line, size, phase).ifPresent(listener::progress));
        if (out.cancelled()) {
            throw new BurnException("burn to " + drive.describe() + " cancelled; hdiutil was stopped and the medium "
                    + "is incomplete", BurnException.NO_EXIT_CODE, out.output());
        }
        if (out.exitCode() != 0) {
            throw new BurnException("burning " + image + " to " + drive.describe() + " failed ("
                    + (out.timedOut() ? "hdiutil timed out" : "hdiutil exit code " + out.exitCode()) + "): "
                    + lastLine(out), out.exitCode(), out.output());
        }
        listener.progress(new BurnProgress(size, size, BurnPhase.DONE));
    }

    /** hdiutil(1) "burn": its defaults are to verify and to eject, so the options turn them off. */
    List<String> burnCommand(String tool, Path image, Drive drive, BurnOptions options) throws BurnException {
        List<String> cmd = new ArrayList<>(List.of(tool, "burn", image.toAbsolutePath().toString(), "-puppetstrings"));
        if (drive.path().startsWith("IOService:")) {
            cmd.add("-device");
            cmd.add(drive.path());
        } else if (!"1".equals(drive.id())) {
            throw new BurnException("cannot address drive " + drive.describe() + " with hdiutil: it did not list "
                    + "the drive's device path (hdiutil burn -list)");
        }
        if (options.speed() > 0) {
            cmd.add("-speed");
            cmd.add(Integer.toString(options.speed()));
        }
        cmd.add(options.verify() ? "-verifyburn" : "-noverifyburn");
        cmd.add(options.eject() ? "-eject" : "-noeject");
        if (options.simulate()) {
            cmd.add("-testburn");
        }
        return cmd;
    }

    @Override
    public void eject(Drive drive) throws BurnException {
        run(List.of(drutil(), "-drive", drive.id(), "eject"));
    }

    private static ToolRunner.Outcome run(List<String> cmd) throws BurnException {
        ToolRunner.Outcome out = ToolRunner.run(cmd, INQUIRY_TIMEOUT, Cancellation.none(), l -> { });
        if (out.exitCode() != 0) {
            throw new BurnException(String.join(" ", cmd) + " failed (exit code " + out.exitCode() + "): "
                    + lastLine(out), out.exitCode(), out.output());
        }
        return out;
    }

    private static String lastLine(ToolRunner.Outcome out) {
        return out.lines().stream().filter(l -> !l.isBlank() && !l.startsWith("PERCENT:")).reduce((a, b) -> b)
                .orElse("(no message)").strip();
    }

    private static String drutil() throws BurnException {
        return BurnerTool.DRUTIL.require().toString();
    }

    private static String hdiutil() throws BurnException {
        return BurnerTool.HDIUTIL.require().toString();
    }
}
