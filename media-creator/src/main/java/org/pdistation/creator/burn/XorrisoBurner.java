package org.pdistation.creator.burn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Burns through xorriso (GNU/Linux, the BSDs): {@code xorriso -devices} to find drives, {@code -toc} and
 * {@code -tell_media_space} for the medium, and the cdrecord emulation ({@code xorriso -as cdrecord}, xorrecord(1))
 * to write the image file as one data track of one session, byte for byte.
 *
 * <p>A drive id is what xorriso takes as a drive address: an MMC device ({@code /dev/sr0}) or a pseudo-drive
 * {@code stdio:/path/file}, where a regular file stands in for the disc (used by the tests).
 */
public final class XorrisoBurner implements Burner {
    static final String STDIO = "stdio:";
    private static final Duration INQUIRY_TIMEOUT = Duration.ofMinutes(2);

    private final Path executable;
    private final boolean explicit;

    private XorrisoBurner(Path executable, boolean explicit) {
        this.executable = executable;
        this.explicit = explicit;
    }

    /** xorriso from PATH (found when first needed, so a missing tool is reported as a BurnException). */
    public XorrisoBurner() {
        this(null, false);
    }

    /** The xorriso at {@code executable}. */
    public static XorrisoBurner at(Path executable) {
        return new XorrisoBurner(Objects.requireNonNull(executable, "executable"), true);
    }

    private String tool() throws BurnException {
        Path exe = explicit ? BurnerTool.XORRISO.check(executable) : BurnerTool.XORRISO.require();
        return exe.toString();
    }

    @Override
    public List<Drive> listDrives() throws BurnException {
        ToolRunner.Outcome out = ToolRunner.run(List.of(tool(), "-devices"), INQUIRY_TIMEOUT, Cancellation.none(),
                line -> { });
        if (out.exitCode() == 0) {
            return XorrisoOutput.parseDevices(out.lines());
        }
        if (!out.killed() && XorrisoOutput.saysNoDrives(out.lines())) {
            return List.of();
        }
        throw failure("listing drives", out);
    }

    @Override
    public MediaStatus mediaStatus(Drive drive) throws BurnException {
        ToolRunner.Outcome out = ToolRunner.run(List.of(tool(), "-outdev", drive.id(), "-toc", "-tell_media_space"),
                INQUIRY_TIMEOUT, Cancellation.none(), line -> { });
        if (out.exitCode() != 0) {
            throw failure("reading the medium in " + drive.describe(), out);
        }
        return XorrisoOutput.parseMediaStatus(out.lines());
    }

    @Override
    public void burn(Path isoImage, Drive drive, BurnOptions options, BurnProgress.Listener listener,
            Cancellation cancellation) throws BurnException {
        Path image = isoImage.toAbsolutePath();
        long size = checkImage(image);
        String tool = tool();
        checkPseudoDrive(drive);
        listener.progress(new BurnProgress(0, size, BurnPhase.PREPARING));
        MediaStatus medium = mediaStatus(drive);
        if (medium.state() != MediaState.BLANK) {
            throw new BurnException("the medium in " + drive.describe() + " is " + medium.describe()
                    + "; insert a blank disc");
        }
        if (!medium.fits(size)) {
            throw new BurnException("image " + image + " (" + MediaStatus.humanBytes(size) + ") does not fit on the "
                    + medium.describe() + " medium in " + drive.describe());
        }
        if (cancellation.isCancelled()) {
            throw new BurnException("burn to " + drive.describe() + " cancelled before it started; nothing written");
        }
        ToolRunner.Outcome out = ToolRunner.run(burnCommand(tool, image, drive, options), options.timeout(),
                cancellation, line -> XorrisoOutput.parseProgress(line, size).ifPresent(listener::progress));
        if (out.cancelled()) {
            throw new BurnException("burn to " + drive.describe() + " cancelled; xorriso was stopped and the medium "
                    + "is incomplete" + said(out), BurnException.NO_EXIT_CODE, out.output());
        }
        if (out.exitCode() != 0 || !XorrisoOutput.saysCompleted(out.lines())) {
            throw failure("burning " + image + " to " + drive.describe(), out);
        }
        listener.progress(new BurnProgress(size, size, BurnPhase.FINISHING));
        if (options.verify() && !options.simulate()) {
            ImageVerifier.verify(image, mediumPath(drive), drive.describe(), listener, cancellation);
        }
        if (options.eject()) {
            eject(drive);
        }
        listener.progress(new BurnProgress(size, size, BurnPhase.DONE));
    }

    /**
     * The xorrecord command: {@code -v} for the "UPDATE : n of m MB written" progress lines; without {@code -multi}
     * the session is closed; ejecting is done separately after verification.
     */
    List<String> burnCommand(String tool, Path image, Drive drive, BurnOptions options) {
        List<String> cmd = new ArrayList<>(List.of(tool, "-as", "cdrecord", "-v", "dev=" + drive.id()));
        if (options.speed() > 0) {
            cmd.add("speed=" + options.speed());
        }
        if (options.simulate()) {
            cmd.add("-dummy");
        }
        // xorrecord(1): the track source is the last argument; an absolute path cannot be taken for an option
        cmd.add(image.toAbsolutePath().toString());
        return cmd;
    }

    @Override
    public void eject(Drive drive) throws BurnException {
        ToolRunner.Outcome out = ToolRunner.run(List.of(tool(), "-outdev", drive.id(), "-eject", "all"),
                INQUIRY_TIMEOUT, Cancellation.none(), line -> { });
        if (out.exitCode() != 0) {
            throw failure("ejecting " + drive.describe(), out);
        }
    }

    /** The image's size, after checking that it is a readable, non-empty regular file. */
    private static long checkImage(Path image) throws BurnException {
        if (!Files.isRegularFile(image)) {
            throw new BurnException("image " + image + " is not a regular file");
        }
        if (!Files.isReadable(image)) {
            throw new BurnException("image " + image + " is not readable");
        }
        try {
            long size = Files.size(image);
            if (size == 0) {
                throw new BurnException("image " + image + " is empty");
            }
            return size;
        } catch (IOException e) {
            throw new BurnException("cannot read image " + image + ": " + e.getMessage(), e);
        }
    }

    /**
     * A pseudo-drive file the owner marked read-only is refused before xorriso runs: the superuser's xorriso would
     * otherwise write over it, ignoring the permission.
     */
    private static void checkPseudoDrive(Drive drive) throws BurnException {
        Optional<Path> file = pseudoDriveFile(drive);
        if (file.isEmpty() || !Files.exists(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path f = file.get();
        if (Files.isRegularFile(f) && (!Files.isWritable(f) || ownerCannotWrite(f))) {
            throw new BurnException("pseudo-drive " + f + " is read-only; cannot burn to " + drive.describe());
        }
    }

    private static boolean ownerCannotWrite(Path f) {
        try {
            PosixFileAttributes attrs = Files.readAttributes(f, PosixFileAttributes.class);
            return !attrs.permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Optional<Path> pseudoDriveFile(Drive drive) {
        return drive.id().startsWith(STDIO) ? Optional.of(Path.of(drive.id().substring(STDIO.length())))
                : Optional.empty();
    }

    /** Where the written bytes can be read back: the pseudo-drive's file, or the drive's device file. */
    private static Path mediumPath(Drive drive) {
        return pseudoDriveFile(drive).orElse(Path.of(drive.path().isEmpty() ? drive.id() : drive.path()));
    }

    private static BurnException failure(String what, ToolRunner.Outcome out) {
        if (out.timedOut()) {
            return new BurnException(what + " failed: xorriso did not finish in time and was stopped" + said(out),
                    BurnException.NO_EXIT_CODE, out.output());
        }
        return new BurnException(what + " failed (xorriso exit code " + out.exitCode() + ")" + said(out),
                out.exitCode(), out.output());
    }

    /** ": " and xorriso's own problem messages, or its last line when it printed none. */
    private static String said(ToolRunner.Outcome out) {
        String problems = XorrisoOutput.problems(out.lines());
        if (problems.isEmpty()) {
            problems = out.lines().stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
        }
        return problems.isEmpty() ? "" : ": " + problems;
    }
}
