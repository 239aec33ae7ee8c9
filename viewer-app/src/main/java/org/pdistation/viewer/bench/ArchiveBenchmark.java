package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.ConflictPolicy;
import org.pdistation.imaging.archive.Durability;
import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.archive.index.InstanceRecord;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.RemoteAe;

/**
 * The local archive's benchmarks (issue 7): receiving N CT slices from {@code storescu} into our archive (filed and
 * indexed) vs into DCMTK's {@code storescp}, alternately; and C-FIND latency for a patient-name query over an index of
 * 100,000 generated instance rows.
 */
public final class ArchiveBenchmark {
    private ArchiveBenchmark() {
    }

    /**
     * Both durability settings, each alternating with storescp (which does not fsync): the default (survives a
     * killed process) and {@code -fsync} (survives a power loss).
     */
    public static void receive(BenchData data, int warmup, int pairs, PrintWriter out) throws Exception {
        receive(data, warmup, pairs, Durability.OS_CACHE, "", out);
        receive(data, warmup, pairs, Durability.FSYNC, "-fsync", out);
    }

    static void receive(BenchData data, int warmup, int pairs, Durability durability, String suffix, PrintWriter out)
            throws Exception {
        Path storescu = require("storescu");
        Path storescp = require("storescp");
        Path runs = Files.createDirectories(data.work().resolve("receive"));
        int[] n = {0};
        CpuMeter cpu = new CpuMeter();
        AlternatingRunner.Result r = new AlternatingRunner(warmup, pairs).run(() -> {
            Path dir = runs.resolve("ours" + n[0]++);
            try (Archive a = Archive.open(dir, ConflictPolicy.KEEP_FIRST, durability);
                 DicomServer s = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0,
                         new AccessPolicy(Set.of(), Map.of()), NetOptions.DEFAULT, l -> { })) {
                double c0 = CpuMeter.jvmSeconds();
                long a0 = CpuMeter.jvmAllocatedBytes();
                double seconds = send(storescu, data, s.port());
                cpu.ours(CpuMeter.jvmSeconds() - c0, CpuMeter.jvmAllocatedBytes() - a0);
                return seconds;
            } finally {
                delete(dir);
            }
        }, () -> {
            Path dir = Files.createDirectories(runs.resolve("peer" + n[0]++));
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(storescp.toString(), "-aet", "ARCH", "-od", dir.toString(),
                    String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("TCP_NODELAY", "1");
            Process p = pb.start();
            try {
                awaitListening(port);
                double c0 = CpuMeter.processSeconds(p.pid());
                double seconds = send(storescu, data, port);
                cpu.peer(CpuMeter.processSeconds(p.pid()) - c0);
                return seconds;
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                delete(dir);
            }
        });
        out.printf("archive-receive-%d%s-s %.3f %.3f %.2f%n", data.files().size(), suffix, r.ours(), r.peer(),
                r.ratio());
        out.println(cpu.line("archive-receive-" + data.files().size() + suffix + "-cpu-s", data.files().size()));
        out.flush();
    }

    private static double send(Path storescu, BenchData data, int port) throws Exception {
        PeerProcess.Outcome o = PeerProcess.run(data.work(), List.of(storescu.toString(), "+sd", "+r", "-aec",
                "ARCH", "127.0.0.1", String.valueOf(port), data.fileSetRoot().toString()), 600);
        if (o.exitCode() != 0) {
            throw new IOException("storescu failed (" + o.exitCode() + "): " + o.output());
        }
        return o.seconds();
    }

    /** Bulk-loads {@code rows} generated instance rows, then times a study-level patient-name C-FIND. */
    public static void find(Path work, int rows, int repeats, PrintWriter out) throws Exception {
        Path dir = work != null ? work.resolve("find-archive") : Files.createTempDirectory("pdistation-find");
        try (Archive a = Archive.open(dir)) {
            long t0 = System.nanoTime();
            load(a.index(), rows);
            out.printf("# loaded %d instance rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            out.flush();
            try (DicomServer s = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0,
                    new AccessPolicy(Set.of(), Map.of("BENCH", new RemoteAe("BENCH", "127.0.0.1", 1))),
                    NetOptions.DEFAULT, l -> { })) {
                FindScu scu = new FindScu(new RemoteAe("ARCH", "127.0.0.1", s.port()), "BENCH", NetOptions.DEFAULT);
                double[] ms = new double[repeats];
                int matches = 0;
                for (int k = -2; k < repeats; k++) {
                    Dataset keys = new Dataset();
                    keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    keys.setString(Tag.PatientName, VR.PN, "mull" + String.format("%04d", (k + 2) * 37 % 1000) + "*");
                    keys.setBytes(Tag.StudyInstanceUID, VR.UI, new byte[0]);
                    keys.setBytes(Tag.PatientID, VR.LO, new byte[0]);
                    keys.setBytes(Tag.NumberOfStudyRelatedInstances, VR.IS, new byte[0]);
                    long t = System.nanoTime();
                    FindScu.Result r = scu.find(QueryModel.STUDY_ROOT, keys);
                    if (k >= 0) {
                        ms[k] = (System.nanoTime() - t) / 1e6;
                        matches += r.matches().size();
                    }
                }
                Arrays.sort(ms);
                double median = ms[repeats / 2];
                out.printf("archive-find-%dk-ms %.1f target 50 (%d matches over %d queries)%n", rows / 1000, median,
                        matches, repeats);
                out.flush();
            }
        } finally {
            delete(dir);
        }
    }

    /** 1 study of 2 series of 50 instances per patient; names with accents ("Müll0042^Jürgen"). */
    static void load(ArchiveIndex index, int rows) throws Exception {
        index.withConnection((Connection c) -> {
            c.setAutoCommit(false);
            try {
                Instant now = Instant.now();
                for (int i = 0; i < rows; i++) {
                    int patient = i / 100;
                    int series = (i / 50) % 2;
                    String study = "2.25.1." + patient;
                    ArchiveIndex.insertRow(c, new InstanceRecord(
                            new InstanceRecord.Patient(String.format("ID%06d", patient), "",
                                    String.format("Müll%04d^Jürgen", patient % 1000) + (patient / 1000), "19600101",
                                    "M"),
                            new InstanceRecord.Study(study, String.format("2020%02d%02d", 1 + patient % 12,
                                    1 + patient % 28), "120000", "ACC" + patient, "1", "generated", null),
                            new InstanceRecord.Series(study + "." + series, series == 0 ? "CT" : "PR", series + 1,
                                    "series"),
                            new InstanceRecord.Instance(study + "." + series + "." + i, "1.2.840.10008.5.1.4.1.1.2",
                                    i % 50 + 1, "1.2.840.10008.1.2.1", "objects/gen/" + i + ".dcm", 1000, 144,
                                    "00", now, "BENCH")));
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    private static Path require(String name) throws IOException {
        Path p = PeerProcess.find(name);
        if (p == null) {
            throw new IOException(name + " (DCMTK) not found on PATH");
        }
        return p;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IOException("storescp did not listen on port " + port);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
