package org.pdistation.imaging.media.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every DICOMDIR in the shared real data: the verifier finishes without an exception in bounded time and gives a
 * report; prints which rules fire next to dcentvfy's error count, so that rules firing where dcentvfy is silent can
 * be looked at as possible false positives.
 */
class SharedDicomdirVerifyTest {
    @Test
    void everySharedDicomdirGetsAReportQuickly() throws IOException {
        Path data = SharedData.require().resolve("dicomdata");
        List<Path> dicomdirs;
        try (Stream<Path> s = Files.walk(data)) {
            dicomdirs = s.filter(p -> p.getFileName().toString().equals("DICOMDIR") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        assertFalse(dicomdirs.isEmpty());
        Path dcentvfy = null;
        try {
            dcentvfy = Peers.require("dcentvfy");
        } catch (RuntimeException | Error e) {
            // without the peer the comparison column is left out
        }
        Map<String, Integer> total = new TreeMap<>();
        for (Path dd : dicomdirs) {
            long t0 = System.nanoTime();
            VerifyReport r = MediaVerifier.verify(dd, VerifyOptions.DEFAULT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 30_000, dd + " took " + ms + " ms");
            Map<String, Integer> rules = new TreeMap<>();
            for (Finding f : r.findings()) {
                if (f.severity() != Severity.INFO) {
                    rules.merge(f.severity().name().charAt(0) + "R" + f.rule(), 1, Integer::sum);
                }
            }
            rules.forEach((k, v) -> total.merge(k, v, Integer::sum));
            String peer = "";
            if (dcentvfy != null) {
                Peers.Result v = Peers.run(Duration.ofSeconds(60), dcentvfy.toString(), dd.toString());
                long errors = (v.stdout() + "\n" + v.stderr()).lines().filter(l -> l.startsWith("Error")).count();
                peer = " dcentvfy errors=" + errors;
            }
            System.out.println("verify-media " + data.relativize(dd) + ": " + r.summary() + " " + rules + peer
                    + " (" + ms + " ms)");
            for (Finding f : r.findings().subList(0, Math.min(8, r.findings().size()))) {
                System.out.println("    " + f.format());
            }
        }
        System.out.println("verify-media rules fired over shared data: " + total);
    }
}
