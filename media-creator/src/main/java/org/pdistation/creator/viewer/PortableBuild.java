package org.pdistation.creator.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A portable build of the viewer (build-packages.sh's {@code portable/pdistation-<os>-<arch>} folder: a jpackage
 * app-image with its own runtime) and how it is started on its platform.
 *
 * @param folder   the build's folder
 * @param name     its folder name on the medium, below {@code VIEWER/}
 * @param platform the platform it runs on
 * @param launcher the launcher, relative to the folder, with '/' separators
 */
public record PortableBuild(Path folder, String name, Platform platform, String launcher) {
    /** Folder names we copy as they are: portable across file systems, no spaces or shell characters. */
    private static final String LINUX_SCRIPT = "pdistation.sh";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The platforms a build can be for, told apart by the launcher's place in the jpackage app-image layout. */
    public enum Platform {
        LINUX("Linux", "bin/pdistation", "LINUX.SH"),
        WINDOWS("Windows", "pdistation.exe", "WINDOWS.BAT"),
        MACOS("macOS", "pdistation.app/Contents/MacOS/pdistation", "MACOS.SH");

        private final String label;
        private final String launcher;
        private final String startScript;

        Platform(String label, String launcher, String startScript) {
            this.label = label;
            this.launcher = launcher;
            this.startScript = startScript;
        }

        public String label() { return label; }

        /** The start file written in {@code VIEWER/} (an ISO 9660 Level 1 name). */
        public String startScript() { return startScript; }
    }

    /** Recognises a portable build by its launcher; the error says what was expected where. */
    public static PortableBuild of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("viewer build " + folder + ": not a folder");
        }
        Path abs = folder.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IOException("viewer build " + folder + ": folder name '" + name
                    + "' must be 1-64 of A-Z a-z 0-9 . _ - (it becomes VIEWER/" + name + " on the medium)");
        }
        for (Platform p : Platform.values()) {
            if (Files.isRegularFile(abs.resolve(p.launcher))) {
                // build-packages.sh's pdistation.sh starts the bundled java directly, without the jpackage
                // launcher's package-manager queries: preferred where it is there.
                String start = p == Platform.LINUX && Files.isRegularFile(abs.resolve(LINUX_SCRIPT)) ? LINUX_SCRIPT
                        : p.launcher;
                return new PortableBuild(abs, name, p, start);
            }
        }
        throw new IOException("viewer build " + folder + ": no launcher found (expected bin/pdistation for Linux, "
                + "pdistation.exe for Windows or pdistation.app/Contents/MacOS/pdistation for macOS; "
                + "build one with installers/build-packages.sh)");
    }
}
