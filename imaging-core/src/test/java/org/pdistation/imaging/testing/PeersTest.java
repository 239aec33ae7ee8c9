package org.pdistation.imaging.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PeersTest {

    private static final String CT_SMALL = "single/pydicom/CT_small.dcm";
    private static final String CT_SMALL_PATIENT = "CompressedSamples^CT1";

    @Test
    void sharedDataFolderHoldsTheDicomTestFiles() {
        Path root = SharedData.require();
        assertTrue(root.isAbsolute(), root::toString);
        assertTrue(Files.isDirectory(SharedData.dicomdata()), () -> SharedData.dicomdata().toString());
        assertTrue(Files.isRegularFile(SharedData.requireDicomFile(CT_SMALL)));
    }

    @Test
    void dcmdumpAndPydicomReadTheSamePatientNameFromASharedFile() {
        Path file = SharedData.requireDicomFile(CT_SMALL);
        Path dcmdump = Peers.require("dcmdump");
        Path python = Peers.requirePydicom();

        Peers.Result dump = Peers.run(Duration.ofSeconds(60),
                List.of(dcmdump.toString(), "+P", "PatientName", file.toString())).requireSuccess();
        assertTrue(dump.stdout().contains("(0010,0010) PN [" + CT_SMALL_PATIENT + "]"), dump.stdout());

        Peers.Result py = Peers.run(Duration.ofSeconds(60), List.of(python.toString(), "-c",
                "import sys, pydicom; print(pydicom.dcmread(sys.argv[1]).PatientName)", file.toString()))
                .requireSuccess();
        assertEquals(CT_SMALL_PATIENT, py.stdout().strip());
    }

    @Test
    @Timeout(60)
    void runReadsLargeOutputOnBothStreamsWithoutDeadlock() {
        // 1 MiB to stderr before anything to stdout: a reader that drained stdout first would block forever.
        Peers.Result result = Peers.run(Duration.ofSeconds(30), List.of("sh", "-c",
                "head -c 1048576 /dev/zero | tr '\\000' e >&2; head -c 1048576 /dev/zero | tr '\\000' o; exit 3"));
        assertEquals(3, result.exitCode());
        assertEquals(1048576, result.stdout().length());
        assertEquals(1048576, result.stderr().length());
    }

    @Test
    void runGivesPeersTcpNoDelayAndAnEmptyStandardInput() {
        Peers.Result result = Peers.run(Duration.ofSeconds(30), "sh", "-c", "echo \"$TCP_NODELAY\"; cat; echo end");
        assertEquals("1\nend\n", result.stdout());
    }

    @Test
    @Timeout(60)
    void runKillsTheWholeProcessTreeOnTimeout() throws Exception {
        Path pidFile = Files.createTempFile("peers-test", ".pid");
        try {
            long start = System.nanoTime();
            AssertionError error = assertThrows(AssertionError.class, () -> Peers.run(Duration.ofMillis(500),
                    "sh", "-c", "sleep 300 & echo $! > '" + pidFile + "'; wait"));
            assertTrue(error.getMessage().contains("timed out"), error.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
            long child = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(child).ifPresent(h -> h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "grandchild still alive");
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void freeLoopbackPortCanBeBound() throws IOException {
        int port = Peers.freeLoopbackPort();
        assertTrue(port > 0 && port < 65536);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
