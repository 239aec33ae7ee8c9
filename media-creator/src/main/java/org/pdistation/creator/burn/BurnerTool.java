package org.pdistation.creator.burn;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform burning tool: the name it is run by and where it comes from when it is missing.
 *
 * @param name        the executable's name ("xorriso", "powershell.exe", "hdiutil")
 * @param installHint what to install when it is missing ("the Debian/Ubuntu package 'xorriso'")
 */
public record BurnerTool(String name, String installHint) {
    public static final BurnerTool XORRISO = new BurnerTool("xorriso",
            "the package 'xorriso' (Debian/Ubuntu: apt install xorriso; Fedora: dnf install xorriso)");
    public static final BurnerTool POWERSHELL = new BurnerTool("powershell.exe",
            "Windows PowerShell (part of Windows; IMAPI2 is part of Windows Vista and later)");
    public static final BurnerTool HDIUTIL = new BurnerTool("hdiutil", "hdiutil (part of macOS)");
    public static final BurnerTool DRUTIL = new BurnerTool("drutil", "drutil (part of macOS)");

    public BurnerTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(installHint, "installHint");
    }

    /** Folders searched after PATH: a service's PATH often lacks the sbin and system folders. */
    private static final List<String> EXTRA_DIRS = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/sbin",
            "/opt/homebrew/bin", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0");

    /** The executable found on PATH (or the usual system folders), if any. */
    public Optional<Path> find() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // a PATH entry this platform cannot parse: skip it
            }
        }
        return Optional.empty();
    }

    /** The executable, or a BurnException saying what to install. */
    public Path require() throws BurnException {
        return find().orElseThrow(this::missing);
    }

    /** Checks that {@code executable} (configured explicitly) can be run; otherwise says what to install. */
    public Path check(Path executable) throws BurnException {
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new BurnException("burning tool " + executable + " not found or not executable; install "
                    + installHint);
        }
        return executable;
    }

    private BurnException missing() {
        return new BurnException("burning tool '" + name + "' not found on PATH; install " + installHint);
    }
}
