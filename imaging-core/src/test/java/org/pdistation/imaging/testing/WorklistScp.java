package org.pdistation.imaging.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * DCMTK {@code wlmscpfs} on a free loopback port, serving the {@code .wl} files written by {@link #item} from a folder
 * named after its AE title; stopped through its own process handle by {@link #close()}.
 */
public final class WorklistScp implements AutoCloseable {
    public static final String AET = "WORKLIST";
    private final Process process;
    private final Path log;
    private final Path items;
    public final int port;

    private WorklistScp(Process process, Path log, Path items, int port) {
        this.process = process;
        this.log = log;
        this.items = items;
        this.port = port;
    }

    /** Creates the item folder; call {@link #start} after writing the items. */
    public static Path itemFolder(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(AET));
        Files.createFile(dir.resolve("lockfile")); // wlmscpfs takes a lock on this file while it reads the folder
        return dir;
    }

    public static WorklistScp start(Path root) throws IOException, InterruptedException {
        String exe = Peers.require("wlmscpfs").toString();
        int port = Peers.freeLoopbackPort();
        Path log = Files.createTempFile(root, "wlmscpfs", ".log");
        Process p = new ProcessBuilder(List.of(exe, "-dfp", root.toString(), Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WorklistScp scp = new WorklistScp(p, log, root.resolve(AET), port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("wlmscpfs exited with " + p.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return scp;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        scp.close();
        throw new AssertionError("wlmscpfs did not listen on " + port + " within 20 s");
    }

    /** Writes one worklist item (PS3.4 Table K.6-1) as {@code name.wl}; {@code charset} null for the default set. */
    public static void item(Path folder, String file, String charset, String patientId, String name, String accession,
                     String procedure, String date) throws IOException {
        Dataset ds = new Dataset();
        if (charset != null) ds.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        ds.setString(Tag.AccessionNumber, VR.SH, accession);
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Ref^Doctor");
        ds.setString(Tag.PatientName, VR.PN, name);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "HOSP");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700102");
        ds.setString(Tag.PatientSex, VR.CS, "F");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1234." + Math.abs(file.hashCode()));
        ds.setString(Tag.RequestedProcedureDescription, VR.LO, procedure);
        Dataset step = ds.newSequence(Tag.ScheduledProcedureStepSequence, 1).addItem();
        step.setString(Tag.ScheduledStationAETitle, VR.AE, "CT01");
        step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date);
        step.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, "093000");
        step.setString(Tag.Modality, VR.CS, "CT");
        step.setString(Tag.ScheduledPerformingPhysicianName, VR.PN, "");
        step.setString(Tag.ScheduledProcedureStepDescription, VR.LO, procedure);
        step.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS" + accession);
        ds.setString(Tag.RequestedProcedureID, VR.SH, "RP" + accession);
        try (var out = Files.newOutputStream(folder.resolve(file + ".wl"))) {
            DicomWriter.writeDataset(out, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        }
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
