package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.pdistation.imaging.media.iso.IsoOptions;
import org.pdistation.imaging.media.iso.IsoWriter;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * Writing an ISO image of a CD-sized file-set: our {@link IsoWriter} (without and with the UDF bridge) against
 * {@code xorriso -as mkisofs -J}, run
 * alternately on the same generated folder. The page cache cannot be dropped here, so each side runs once untimed
 * first and both read from a warm cache.
 */
public final class IsoBenchmark {
    private static final String VOLUME = "PDI_BENCH";

    private IsoBenchmark() {}

    public static void run(int sizeMb, int rounds, Path work, PrintWriter out) throws IOException, InterruptedException {
        Path xorriso = PeerProcess.find("xorriso");
        if (xorriso == null) throw new IOException("xorriso is not on the PATH");
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("pdistation-iso-bench") : Files.createDirectories(work);
        try {
            Path source = dir.resolve("fileset");
            int count = (int) Math.max(1, (long) sizeMb * (1 << 20) / (512 * 512 * 2 + 1500));
            long t0 = System.nanoTime();
            new SyntheticCtStudy(512, 500, 42).write(source, count);
            out.printf("# generated %d CT files (%d MB) in %.1f s under %s%n", count, size(source) >> 20,
                    (System.nanoTime() - t0) / 1e9, source);
            out.flush();
            Path ours = dir.resolve("ours.iso");
            Path peer = dir.resolve("peer.iso");
            List<String> peerCmd = List.of(xorriso.toString(), "-as", "mkisofs", "-quiet", "-J", "-V", VOLUME,
                    "-o", peer.toString(), source.toString());
            oursOnce(source, ours, false);
            peerOnce(dir, peerCmd);
            double[] o = new double[rounds];
            double[] u = new double[rounds];
            double[] p = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                o[r] = oursOnce(source, ours, false);
                u[r] = oursOnce(source, ours, true);
                p[r] = peerOnce(dir, peerCmd);
                out.printf("# round %d: ours %.2f s, with UDF bridge %.2f s (%d MB)  xorriso %.2f s (%d MB)%n",
                        r + 1, o[r], u[r], Files.size(ours) >> 20, p[r], Files.size(peer) >> 20);
                out.flush();
            }
            double mo = median(o);
            double mu = median(u);
            double mp = median(p);
            out.printf("iso-%dMB-s %.2f %.2f %.2f%n", sizeMb, mo, mp, mo / mp);
            // xorriso writes no UDF (its mkisofs emulation refuses -udf): the bridge is compared with plain ISO
            out.printf("iso-udf-%dMB-s %.2f %.2f %.2f%n", sizeMb, mu, mp, mu / mp);
            out.flush();
        } finally {
            if (temporary) delete(dir);
        }
    }

    private static double oursOnce(Path source, Path iso, boolean udf) throws IOException {
        Files.deleteIfExists(iso);
        long t0 = System.nanoTime();
        new IsoWriter().write(source, iso, IsoOptions.pdi(VOLUME, Instant.now()).withUdf(udf),
                IsoWriter.Progress.NONE);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double peerOnce(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Files.deleteIfExists(Path.of(cmd.get(cmd.size() - 2)));
        PeerProcess.Outcome o = PeerProcess.run(dir, cmd, 600);
        if (o.exitCode() != 0) throw new IOException("xorriso failed: " + o.output());
        return o.seconds();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) total += Files.size(p);
            return total;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        }
    }
}
