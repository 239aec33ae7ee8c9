package org.pdistation.viewer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer program (DCMTK, pydicom) for a benchmark: TCP_NODELAY set, output captured, bounded in time. */
final class PeerProcess {
    private PeerProcess() {}

    record Outcome(int exitCode, String output, double seconds) {}

    static Outcome run(Path workDir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // DCMTK waits ~40 ms per message without it (PERFORMANCE.md); harmless for the others.
        pb.environment().put("TCP_NODELAY", "1");
        Path log = Files.createTempFile("pdistation-peer", ".log");
        try {
            pb.redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), seconds);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The first PATH entry holding an executable {@code name}, or null. */
    static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
