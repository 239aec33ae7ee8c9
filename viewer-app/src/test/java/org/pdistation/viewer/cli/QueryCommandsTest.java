package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** {@code find}, {@code get} and {@code move} against DCMTK dcmqrscp serving CT_small. */
class QueryCommandsTest extends InProcessCli {
    @TempDir
    Path dir;
    Process qrscp;
    DicomServer destination;
    int port;
    String study;

    @BeforeEach
    void start() throws Exception {
        Path ct = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        study = DicomReader.read(ct, ReadOptions.HEADER_ONLY).dataset().getString(Tag.StudyInstanceUID);
        destination = DicomServer.start(new DicomServer.Config("CLIDEST", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(dir.resolve("moved")));
        port = Peers.freeLoopbackPort();
        Path db = Files.createDirectories(dir.resolve("db"));
        Path cfg = Files.writeString(dir.resolve("dcmqrscp.cfg"), """
                NetworkTCPPort  = %d
                MaxPDUSize      = 65536
                MaxAssociations = 8
                HostTable BEGIN
                dest = (CLIDEST, 127.0.0.1, %d)
                HostTable END
                VendorTable BEGIN
                VendorTable END
                AETable BEGIN
                QRSCP  %s  RW  (10, 100mb)  ANY
                AETable END
                """.formatted(port, destination.port(), db));
        Peers.run(Duration.ofSeconds(30), Peers.require("dcmqridx").toString(), db.toString(), ct.toString())
                .requireSuccess();
        ProcessBuilder pb = new ProcessBuilder(List.of(Peers.require("dcmqrscp").toString(), "-c", cfg.toString(),
                String.valueOf(port))).redirectErrorStream(true).redirectOutput(dir.resolve("qr.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        qrscp = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !qrscp.isAlive()) {
                    throw new AssertionError("dcmqrscp did not start: " + Files.readString(dir.resolve("qr.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (qrscp != null) {
            qrscp.destroy();
            if (!qrscp.waitFor(5, TimeUnit.SECONDS)) {
                qrscp.destroyForcibly();
            }
        }
        if (destination != null) {
            destination.close();
        }
    }

    @Test
    void findPrintsOneLinePerMatchWithTheRequestedKeys() {
        int rc = run("find", "QRSCP@127.0.0.1:" + port, "--level", "STUDY", "-k", "StudyInstanceUID",
                "-k", "PatientID");
        assertEquals(0, rc, err.toString());
        assertEquals("StudyInstanceUID=" + study + "\tPatientID=1CT1", out.toString().strip());
    }

    @Test
    void getWritesTheStudyIntoTheFolder() throws Exception {
        Path got = dir.resolve("got");
        int rc = run("get", "QRSCP@127.0.0.1:" + port, "-k", "StudyInstanceUID=" + study, "--dir", got.toString());
        assertEquals(0, rc, err.toString() + out);
        assertTrue(out.toString().contains("1 completed, 0 failed"), out.toString());
        try (var s = Files.list(got)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void moveSendsTheStudyToTheDestination() throws Exception {
        int rc = run("move", "QRSCP@127.0.0.1:" + port, "--dest", "CLIDEST", "-k", "StudyInstanceUID=" + study);
        assertEquals(0, rc, err.toString() + out);
        assertTrue(out.toString().contains("1 completed"), out.toString());
        try (var s = Files.list(dir.resolve("moved"))) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".dcm")).count());
        }
    }

    @Test
    void unknownKeywordIsAUsageError() {
        assertEquals(2, run("find", "QRSCP@127.0.0.1:" + port, "-k", "NoSuchKeyword=1"));
        assertTrue(err.toString().contains("NoSuchKeyword"), err.toString());
    }
}
