package org.pdistation.viewer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The user's data folder, with {@code logs}, {@code db} and {@code settings} below it.
 *
 * <p>Where: the system property {@code pdistation.home} (tests, where the environment cannot be changed in-process),
 * else the environment variable {@code PDISTATION_HOME}, else the platform's place for per-user application data:
 * Linux {@code $XDG_DATA_HOME/pdistation} or {@code ~/.local/share/pdistation} (XDG Base Directory Specification),
 * macOS {@code ~/Library/Application Support/PDI Station}, Windows {@code %LOCALAPPDATA%\PDI Station}.
 *
 * <p>Folders are created when first needed, owner-only ({@code rwx------}) where the file system has POSIX
 * permissions: they hold patient data (the database) and logs. On Windows the per-user LOCALAPPDATA ACLs apply.
 */
public final class AppHome {
    public static final String PROPERTY = "pdistation.home";
    public static final String ENV = "PDISTATION_HOME";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    public AppHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The home for this process, from the property, the environment or the platform default. */
    public static AppHome resolve() {
        return new AppHome(locate(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", "."))));
    }

    /** The rules of {@link #resolve()}, with every input given (for tests). */
    static Path locate(String property, Map<String, String> env, String osName, Path userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local");
            return base.resolve("PDI Station");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("PDI Station");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve("pdistation");
    }

    public Path root() { return root; }

    /** The logs folder, created if needed. */
    public Path logs() throws IOException { return ensure(root.resolve("logs")); }

    /** The database folder, created if needed. */
    public Path db() throws IOException { return ensure(root.resolve("db")); }

    /** The local archive's folder (files and index, issue 7), created if needed. */
    public Path archive() throws IOException { return ensure(root.resolve("archive")); }

    /** The settings folder, created if needed. */
    public Path settings() throws IOException { return ensure(root.resolve("settings")); }

    /**
     * The logs folder for the logging set-up, created if possible; when it cannot be created the path is still
     * returned, and logging to the file fails quietly instead of stopping the command.
     */
    public Path logsPathUnchecked() {
        try {
            return logs();
        } catch (IOException | RuntimeException e) {
            return root.resolve("logs");
        }
    }

    /** Creates {@code dir} and any missing parents below and including the root, owner-only. */
    private Path ensure(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        createOwnerOnly(root, posix);
        createOwnerOnly(dir, posix);
        return dir;
    }

    private static void createOwnerOnly(Path dir, boolean posix) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        if (posix) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createDirectory(dir, attr);
            // The umask may have removed bits the attribute asked for, never added any; set them exactly.
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } else {
            Files.createDirectory(dir);
        }
    }
}
