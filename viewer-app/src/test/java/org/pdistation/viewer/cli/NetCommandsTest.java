package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.testing.SharedData;

/** {@code echo} and {@code store} against our own SCP. */
class NetCommandsTest extends InProcessCli {
    @TempDir
    Path dir;
    DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = DicomServer.start(new DicomServer.Config("CLISCP", "127.0.0.1", 0, Set.of("PDISTATION"), 4,
                NetOptions.DEFAULT), new FolderSink(dir.resolve("in")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void echoReportsSuccess() {
        assertEquals(0, run("echo", "CLISCP@127.0.0.1:" + server.port()), err.toString());
        assertTrue(out.toString().contains("0000 Success"), out.toString());
    }

    @Test
    void echoWithRejectedCallingAeFailsWithTheReason() {
        assertEquals(1, run("echo", "--calling-aet", "STRANGER", "CLISCP@127.0.0.1:" + server.port()));
        assertTrue(err.toString().contains("calling-AE-title-not-recognized"), err.toString());
    }

    @Test
    void storeEndsWithTheCountsLine() throws Exception {
        Path good = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        Path bad = Files.writeString(dir.resolve("bad.dcm"), "nope");
        int rc = run("store", "--associations", "2", "CLISCP@127.0.0.1:" + server.port(), good.toString(),
                bad.toString());
        assertEquals(1, rc);
        String[] lines = out.toString().strip().split("\n");
        assertEquals("stored 1, warnings 0, failed 1", lines[lines.length - 1]);
        assertTrue(err.toString().contains("bad.dcm"), err.toString());
    }
}
