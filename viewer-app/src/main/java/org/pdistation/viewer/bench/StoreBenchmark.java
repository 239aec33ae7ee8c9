package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.pdistation.imaging.net.AssociationThreads;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.StoreResult;
import org.pdistation.imaging.net.StoreScu;

/**
 * C-STORE throughput against DCMTK (PERFORMANCE.md: peers run with TCP_NODELAY=1).
 *
 * <p>{@code store}: the generated files to one forking DCMTK {@code storescp}: our {@link StoreScu} in this process
 * against one {@code storescu} (PERFORMANCE.md), with one and with four associations; and ours with four against
 * four {@code storescu} processes on a quarter each, as a DCMTK user would parallelise. The receiver first discards
 * what it receives ({@code storescp --ignore}), so that the figures are the senders' and not the receiving file
 * system's: on this machine's ext4 (no journal) creating a file right after deleting the previous round's costs the
 * receiver more than receiving it, and on two cores a CPU-bound receiver leaves a sender nothing to gain from
 * parallel associations. Then the same with the receiver writing every instance to a file ({@code -disk} lines).
 *
 * <p>{@code scp}: {@code storescu} to our {@link DicomServer} with a {@link FolderSink} against {@code storescu} to
 * {@code storescp}, both writing files, with our associations on platform threads (the default) and on virtual
 * threads ({@link AssociationThreads}).
 */
public final class StoreBenchmark {
    /** The largest PDU storescp/storescu accept (DCMTK's limit is 128 KiB): neither side is held back by 16 KiB. */
    private static final String DCMTK_PDU = "131072";
    private static final long PEER_TIMEOUT_S = 600;
    /**
     * Instances our SCP receives before it is timed. A station's SCP runs for days, so its steady state is the figure
     * that matters; HotSpot compiles a method at its top tier after some thousands of invocations
     * (Tier4InvocationThreshold 5000, Tier4CompileThreshold 15000), and the per-instance receive path runs once per
     * instance: with -XX:+PrintCompilation its methods were still being compiled at C2 after 7,000 instances.
     */
    private static final int SCP_WARMUP_INSTANCES = 10_000;

    private StoreBenchmark() {
    }

    /** {@code store-N-1assoc-s}, {@code store-N-4assoc-s} and their {@code -disk} variants. */
    public static void runStore(BenchData data, AlternatingRunner runner, PrintWriter out) throws Exception {
        if (missing(out, "store-" + data.files().size() + "-1assoc-s", "storescp", "storescu")) {
            return;
        }
        Path received = Files.createDirectories(data.work().resolve("storescp-out"));
        String n = "store-" + data.files().size();
        for (boolean disk : new boolean[] {false, true}) {
            String suffix = disk ? "-disk-s" : "-s";
            try (StoreScp scp = StoreScp.start(data.work(), received, true, !disk)) {
                RemoteAe target = new RemoteAe("STORESCP", "127.0.0.1", scp.port);
                // PERFORMANCE.md: the peer is one storescu (one association) for both targets; ours with four
                // associations must beat it by the parallelism. The "-vs4" line, against four storescu processes at
                // once, shows how our four associations compare with DCMTK doing the same.
                print(out, n + "-1assoc" + suffix, runner.run(
                        () -> timed(received, () -> ours(target, data.files(), 1)),
                        () -> timed(received, () -> storescu(data.work(), scp.port, data.files(), 1))));
                print(out, n + "-4assoc" + suffix, runner.run(
                        () -> timed(received, () -> ours(target, data.files(), 4)),
                        () -> timed(received, () -> storescu(data.work(), scp.port, data.files(), 1))));
                if (!disk) {
                    print(out, n + "-4assoc-vs4" + suffix, runner.run(
                            () -> timed(received, () -> ours(target, data.files(), 4)),
                            () -> timed(received, () -> storescu(data.work(), scp.port, data.files(), 4))));
                }
            }
        }
    }

    /**
     * {@code scp-N-s}: storescu to our DicomServer against storescu to storescp, with our associations on platform
     * threads, then {@code scp-N-virtual-s} with them on virtual threads.
     */
    public static void runScp(BenchData data, AlternatingRunner runner, PrintWriter out) throws Exception {
        int files = data.files().size();
        if (missing(out, "scp-" + files + "-s", "storescp", "storescu")) {
            return;
        }
        // Both servers write into the same folder, emptied before each round: on ext4 a file's inode is allocated in
        // its folder's block group, and without a journal (as on this machine) each new inode is searched for past the
        // inodes deleted in the last minutes, a cost that grows with every round's deletions. Two folders can land in
        // groups with different histories and tilt a whole run one way (medians of 0.67 to 1.04 for the same build).
        Path received = Files.createDirectories(data.work().resolve("scp-out"));
        // Without --fork: the association is served in the process we measure (a forked child's CPU time would be
        // counted only once the parent reaps it). One association at a time either way.
        try (StoreScp scp = StoreScp.start(data.work(), received, false, false)) {
            for (AssociationThreads threads : AssociationThreads.values()) {
                String name = "scp-" + files + (threads == AssociationThreads.PLATFORM ? ""
                        : "-" + threads.name().toLowerCase(java.util.Locale.ROOT));
                CpuMeter cpu = new CpuMeter();
                try (DicomServer ours = DicomServer.start(new DicomServer.Config("STORESCP", "127.0.0.1", 0, Set.of(),
                        8, NetOptions.DEFAULT).withThreads(threads), new FolderSink(received))) {
                    for (int sent = 0; sent < SCP_WARMUP_INSTANCES; sent += files) {
                        timed(received, () -> storescu(data.work(), ours.port(), data.files(), 1));
                    }
                    AlternatingRunner.Result r = runner.run(
                            () -> timed(received, () -> {
                                double c0 = CpuMeter.jvmSeconds();
                                long a0 = CpuMeter.jvmAllocatedBytes();
                                storescu(data.work(), ours.port(), data.files(), 1);
                                cpu.ours(CpuMeter.jvmSeconds() - c0, CpuMeter.jvmAllocatedBytes() - a0);
                            }),
                            () -> timed(received, () -> {
                                double c0 = CpuMeter.processSeconds(scp.process.pid());
                                double j0 = CpuMeter.jvmSeconds();
                                storescu(data.work(), scp.port, data.files(), 1);
                                cpu.peer(CpuMeter.processSeconds(scp.process.pid()) - c0);
                                // What this JVM spends starting and reaping storescu, which "ours" also contains.
                                cpu.launcher(CpuMeter.jvmSeconds() - j0);
                            }));
                    print(out, name + "-s", r);
                    out.println(cpu.line(name + "-cpu-s", files));
                    out.flush();
                }
            }
        }
    }

    private static void print(PrintWriter out, String name, AlternatingRunner.Result r) {
        out.printf("%s %.3f %.3f %.2f   (median of %d pairs)%n", name, r.ours(), r.peer(), r.ratio(), r.pairs());
        out.flush();
    }

    private static boolean missing(PrintWriter out, String name, String... tools) {
        for (String t : tools) {
            if (PeerProcess.find(t) == null) {
                out.printf("%s - - -   (%s not installed)%n", name, t);
                out.flush();
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Seconds for one round; the receiving folder is emptied first, outside the timing. */
    private static double timed(Path receivedDir, Step step) throws Exception {
        clear(receivedDir);
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void ours(RemoteAe target, List<Path> files, int associations) throws Exception {
        List<StoreResult> results = new StoreScu(target, "PDISTATION", NetOptions.DEFAULT).store(files, associations,
                r -> { });
        long failed = results.stream().filter(r -> r.outcome() != StoreResult.Outcome.STORED).count();
        if (failed > 0 || results.size() != files.size()) {
            throw new IOException("our store: " + failed + " of " + files.size() + " not stored, e.g. "
                    + results.stream().filter(r -> r.outcome() != StoreResult.Outcome.STORED).findFirst()
                    .map(StoreResult::describe).orElse("?"));
        }
    }

    /** {@code storescu} on the files; with several associations one process per share, run at once. */
    private static void storescu(Path work, int port, List<Path> files, int processes) throws Exception {
        List<Process> running = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", "STORESCP", "-aet", "DCMTK",
                        "-pdu", DCMTK_PDU, "127.0.0.1", String.valueOf(port)));
                int from = files.size() * i / processes;
                int to = files.size() * (i + 1) / processes;
                for (Path f : files.subList(from, to)) {
                    cmd.add(f.toString());
                }
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
                pb.environment().put("TCP_NODELAY", "1");
                Path log = Files.createTempFile(work, "storescu", ".log");
                logs.add(log);
                pb.redirectOutput(log.toFile());
                running.add(pb.start());
            }
            for (int i = 0; i < running.size(); i++) {
                Process p = running.get(i);
                if (!p.waitFor(PEER_TIMEOUT_S, TimeUnit.SECONDS)) {
                    throw new IOException("storescu did not finish within " + PEER_TIMEOUT_S + " s");
                }
                if (p.exitValue() != 0) {
                    throw new IOException("storescu exited with " + p.exitValue() + ": " + Files.readString(logs.get(i)));
                }
            }
        } finally {
            for (Process p : running) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A running {@code storescp}: with --fork a process per association; writes each instance as received. */
    private static final class StoreScp implements AutoCloseable {
        final Process process;
        final int port;

        private StoreScp(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        /** @param discard receive but store nothing ({@code --ignore}) */
        static StoreScp start(Path work, Path outDir, boolean fork, boolean discard)
                throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of("storescp", "+B", "-aet", "STORESCP", "-pdu", DCMTK_PDU,
                    "-od", outDir.toString(), "-fe", ".dcm", String.valueOf(port)));
            if (fork) {
                cmd.add(1, "--fork");
            }
            if (discard) {
                cmd.add(1, "--ignore");
            }
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("storescp.log").toFile());
            pb.environment().put("TCP_NODELAY", "1");
            Process p = pb.start();
            StoreScp scp = new StoreScp(p, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("storescp exited with " + p.exitValue() + ": "
                            + Files.readString(work.resolve("storescp.log")));
                }
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return scp;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            scp.close();
            throw new IOException("storescp not listening on " + port + " within 10 s");
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
