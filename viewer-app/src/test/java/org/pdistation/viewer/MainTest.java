package org.pdistation.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packages' desktop entry and file associations pass: a lone path opens the station, all else is CLI. */
class MainTest {
    @TempDir
    Path tmp;

    @Test
    void aLoneExistingFileOrFolderIsOpened() throws IOException {
        Path file = Files.writeString(tmp.resolve("DICOMDIR"), "x");
        assertEquals(file, Main.openedPath(new String[] {file.toString()}));
        assertEquals(tmp, Main.openedPath(new String[] {tmp.toString()}));
    }

    @Test
    void subcommandsOptionsAndMissingPathsStayCommandLine() throws IOException {
        // A file named like a subcommand in the current folder must not shadow the subcommand.
        assertNull(Main.openedPath(new String[] {"dump"}));
        assertNull(Main.openedPath(new String[] {"--version"}));
        assertNull(Main.openedPath(new String[] {tmp.resolve("absent.dcm").toString()}));
        assertNull(Main.openedPath(new String[] {"view", tmp.toString()}));
        assertNull(Main.openedPath(new String[] {""}));
    }
}
