package org.pdistation.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {
    private static final Path USER = Path.of("/home/u");

    @Test
    void propertyWinsOverEnvironment() {
        assertEquals(Path.of("/p"), AppHome.locate("/p", Map.of("PDISTATION_HOME", "/e"), "Linux", USER));
        assertEquals(Path.of("/e"), AppHome.locate(null, Map.of("PDISTATION_HOME", "/e"), "Linux", USER));
    }

    @Test
    void followsEachPlatformsConvention() {
        assertEquals(Path.of("/home/u/.local/share/pdistation"), AppHome.locate(null, Map.of(), "Linux", USER));
        assertEquals(Path.of("/x/pdistation"), AppHome.locate(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", USER));
        assertEquals(Path.of("/home/u/.local/share/pdistation"),
                AppHome.locate(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", USER));
        assertEquals(Path.of("/home/u/Library/Application Support/PDI Station"),
                AppHome.locate(null, Map.of(), "Mac OS X", USER));
        assertEquals(Path.of("/l/PDI Station"), AppHome.locate(null, Map.of("LOCALAPPDATA", "/l"), "Windows 11", USER));
    }

    @Test
    void createsFoldersOwnerOnly(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        AppHome home = new AppHome(tmp.resolve("home"));
        Path logs = home.logs();
        assertEquals(tmp.resolve("home/logs"), logs);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.root())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.settings())));
    }
}
