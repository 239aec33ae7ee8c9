package org.pdistation.creator.burn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Burns on Windows through IMAPI2, the COM API that is part of Windows, driven by a PowerShell script shipped as a
 * resource ({@code imapi2-burn.ps1}). Values reach the script only as parameters of {@code -File}, never as
 * generated code. A drive id is IMAPI2's recorder unique id.
 */
public final class ImapiBurner implements Burner {
    static final String SCRIPT_RESOURCE = "imapi2-burn.ps1";
    private static final Duration INQUIRY_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public List<Drive> listDrives() throws BurnException {
        return ImapiOutput.parseDrives(run(List.of("-Action", "list"), INQUIRY_TIMEOUT, "listing drives").lines());
    }

    @Override
    public MediaStatus mediaStatus(Drive drive) throws BurnException {
        ToolRunner.Outcome out = run(List.of("-Action", "status", "-Recorder", safe(drive.id())), INQUIRY_TIMEOUT,
                "reading the medium in " + drive.describe());
        return ImapiOutput.parseMedia(out.lines()).orElseThrow(() -> new BurnException(
                "IMAPI2 gave no media status for " + drive.describe(), out.exitCode(), out.output()));
    }

    @Override
    public void burn(Path isoImage, Drive drive, BurnOptions options, BurnProgress.Listener listener,
            Cancellation cancellation) throws BurnException {
        if (options.simulate()) {
            throw new BurnException("IMAPI2 data burning has no simulation (dummy) mode; nothing written");
        }
        Path image = isoImage.toAbsolutePath();
        long size;
        try {
            size = Files.size(image);
        } catch (IOException e) {
            throw new BurnException("cannot read image " + image + ": " + e.getMessage(), e);
        }
        listener.progress(new BurnProgress(0, size, BurnPhase.PREPARING));
        MediaStatus medium = mediaStatus(drive);
        if (medium.state() != MediaState.BLANK) {
            throw new BurnException("the medium in " + drive.describe() + " is " + medium.describe()
                    + "; insert a blank disc");
        }
        List<String> cmd = commandLine(scriptFile(), burnArguments(image, drive, options));
        ToolRunner.Outcome out = ToolRunner.run(cmd, options.timeout(), cancellation,
                line -> ImapiOutput.parseProgress(line, size).ifPresent(listener::progress));
        if (out.cancelled()) {
            throw new BurnException("burn to " + drive.describe() + " cancelled; the medium is incomplete",
                    BurnException.NO_EXIT_CODE, out.output());
        }
        check(out, "burning " + image + " to " + drive.describe());
        listener.progress(new BurnProgress(size, size, BurnPhase.DONE));
    }

    @Override
    public void eject(Drive drive) throws BurnException {
        run(List.of("-Action", "eject", "-Recorder", safe(drive.id())), INQUIRY_TIMEOUT,
                "ejecting " + drive.describe());
    }

    /** The script's parameters for a burn. */
    static List<String> burnArguments(Path image, Drive drive, BurnOptions options) throws BurnException {
        List<String> args = new ArrayList<>(List.of("-Action", "burn", "-Recorder", safe(drive.id()),
                "-Image", safe(image.toString())));
        if (options.speed() > 0) {
            args.add("-Speed");
            args.add(Integer.toString(options.speed()));
        }
        if (options.eject()) {
            args.add("-Eject");
        }
        if (options.verify()) {
            args.add("-Verify");
        }
        return args;
    }

    /** powershell.exe running the script file with {@code args}, with no profile and no prompts. */
    static List<String> commandLine(Path script, List<String> args) throws BurnException {
        List<String> cmd = new ArrayList<>(List.of(BurnerTool.POWERSHELL.require().toString(), "-NoProfile",
                "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script.toString()));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Refuses a value Windows' command-line quoting cannot carry as one argument: a double quote (no Windows file
     * name holds one) or a line break.
     */
    static String safe(String value) throws BurnException {
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new BurnException("refusing a path or drive id with a quote or line break: " + value);
        }
        return value;
    }

    private ToolRunner.Outcome run(List<String> args, Duration timeout, String what) throws BurnException {
        ToolRunner.Outcome out = ToolRunner.run(commandLine(scriptFile(), args), timeout, Cancellation.none(),
                l -> { });
        check(out, what);
        return out;
    }

    private static void check(ToolRunner.Outcome out, String what) throws BurnException {
        if (out.exitCode() != 0 || !ImapiOutput.done(out.lines()) || ImapiOutput.error(out.lines()).isPresent()) {
            String reason = ImapiOutput.error(out.lines()).orElseGet(() -> out.timedOut() ? "timed out"
                    : "exit code " + out.exitCode());
            throw new BurnException(what + " failed: " + reason, out.exitCode(), out.output());
        }
    }

    /** The script copied from the jar to a private temporary file (PowerShell runs files, not resources). */
    static Path scriptFile() throws BurnException {
        try (InputStream in = ImapiBurner.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new BurnException("the IMAPI2 script " + SCRIPT_RESOURCE + " is missing from the application");
            }
            Path dir = Files.createTempDirectory("pdistation-imapi");
            Path script = dir.resolve(SCRIPT_RESOURCE);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            script.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new BurnException("cannot prepare the IMAPI2 script: " + e.getMessage(), e);
        }
    }
}
