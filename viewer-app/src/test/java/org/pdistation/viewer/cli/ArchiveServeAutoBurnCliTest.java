package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/**
 * Issue 7 through the real command line: {@code pdistation archive serve --auto-burn RULE} started as a user starts
 * it (a JVM of its own that blocks until stopped), a study pushed to its burn AE title by DCMTK storescu, and the
 * ISO, the verifier and {@code archive jobs} checked from outside. AutoBurnAcceptanceTest covers the same at API
 * level; this covers the option parsing, the printed lines, the shutdown hook and a restart of the process.
 */
class ArchiveServeAutoBurnCliTest extends InProcessCli {
    /** The rule's name derived from called=BURN_CD and iso= (AutoBurnRule.parse), as the job table holds it. */
    private static final String RULE = "called-BURN_CD-iso";
    /** The ISO files are named after the rule in lower case (CreatorBurnAction), no patient data. */
    private static final String ISO_BASE = "called-burn_cd-iso-job";
    private static final Pattern LISTENING = Pattern.compile("serving as ARCH on port (\\d+)$");
    private static final Pattern FINISHED = Pattern.compile("auto-burn job (\\d+) \\(rule " + RULE
            + "\\): (DONE|FAILED)(.*)");
    /** A JVM starting on a busy two-core machine. */
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private CliProcess serve(Path isoDir, int quietSeconds) {
        // Port 0: the server binds a free port and prints it (no race with other tests for a "free" port).
        return CliProcess.start(home, "archive", "serve", "--aet", "ARCH", "--bind", "127.0.0.1", "--port", "0",
                "--auto-burn", "called=BURN_CD,quiet=" + quietSeconds + ",profile=STD-GEN-CD,iso=" + isoDir);
    }

    private static void push(Path studyDir, int port) {
        // Peers.run sets TCP_NODELAY=1 for DCMTK.
        Peers.run(Duration.ofSeconds(60), Peers.require("storescu").toString(), "-aet", "MODALITY", "-aec",
                "BURN_CD", "+sd", "+r", "127.0.0.1", String.valueOf(port), studyDir.toString()).requireSuccess();
    }

    @Test
    void aStudyPushedToBurnCdBecomesOneVerifiedIsoAndTheServerStopsCleanly() throws Exception {
        Peers.require("storescu");
        Path isoDir = tmp.resolve("iso");
        Path ct = Files.createDirectories(tmp.resolve("ct"));
        List<Path> sent = new SyntheticCtStudy(64, 4, 7).write(ct, 8);
        CliProcess server = serve(isoDir, 2);
        try {
            int port = Integer.parseInt(server.awaitOut(LISTENING, START).group(1));
            assertTrue(server.out().contains("auto-burn rule " + RULE + ": called BURN_CD quiet 2 s, STD-GEN-CD, ISO "
                    + isoDir), server.transcript());
            push(ct, port);
            Matcher done = server.awaitOut(FINISHED, Duration.ofSeconds(60));
            assertEquals("DONE", done.group(2), server.transcript());
            long job = Long.parseLong(done.group(1));

            Path iso = isoDir.resolve(ISO_BASE + job + ".iso");
            assertEquals(List.of(iso), list(isoDir), "one finished image, nothing .unverified left");
            assertVerifiedCd(iso, sent.size());
            assertJobs(List.of(job + "\t" + RULE + "\tdone"));

            assertTrue(server.stop(Duration.ofSeconds(10)), "archive serve did not stop within 10 s of SIGTERM\n"
                    + server.transcript());
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                // SIGTERM ends the JVM through its shutdown hooks with 128 + 15.
                assertEquals(143, server.exitValue(), server.transcript());
            }
            assertNothingAtErrorOrWarn(server);
            assertEquals(List.of(iso), list(isoDir));
        } finally {
            server.close();
        }
    }

    @Test
    void aStudyWaitingWhenTheServerIsKilledIsBurnedOnceAfterARestart() throws Exception {
        Peers.require("storescu");
        Path isoDir = tmp.resolve("iso");
        Path ct = Files.createDirectories(tmp.resolve("ct"));
        List<Path> sent = new SyntheticCtStudy(64, 4, 11).write(ct, 8);
        // Long enough a quiet time that the kill lands before it ends, even on a busy machine.
        int quiet = 6;
        CliProcess first = serve(isoDir, quiet);
        try {
            int port = Integer.parseInt(first.awaitOut(LISTENING, START).group(1));
            push(ct, port);
            first.kill();
        } finally {
            first.close();
        }
        assertEquals(List.of(), list(isoDir), "killed before the quiet time ended\n" + first.transcript());
        // The study's WAITING row is what must survive the kill (it is written before each instance is answered).
        String studyUid = assertJobs(List.of("1\t" + RULE + "\twaiting")).get(0).split("\t")[4];

        CliProcess second = serve(isoDir, quiet);
        try {
            second.awaitOut(LISTENING, START);
            Matcher done = second.awaitOut(FINISHED, Duration.ofSeconds(60));
            assertEquals("1", done.group(1), second.transcript());
            assertEquals("DONE", done.group(2), second.transcript());
            Path iso = isoDir.resolve(ISO_BASE + "1.iso");
            assertEquals(List.of(iso), list(isoDir), "one finished image, nothing .unverified left");
            assertVerifiedCd(iso, sent.size());
            List<String> jobs = assertJobs(List.of("1\t" + RULE + "\tdone"));
            assertEquals(studyUid, jobs.get(0).split("\t")[4]);

            assertTrue(second.stop(Duration.ofSeconds(10)), second.transcript());
            assertNothingAtErrorOrWarn(second);
            assertEquals(List.of(iso), list(isoDir), "burned exactly once");
        } finally {
            second.close();
        }
    }

    @Test
    void aBurnKilledWhileWritingTheIsoStartsOverAfterARestartAndLeavesOneIso() throws Exception {
        Peers.require("storescu");
        Path isoDir = tmp.resolve("iso");
        Path ct = Files.createDirectories(tmp.resolve("ct"));
        // Large enough that writing and reading back the image takes a while to catch.
        List<Path> sent = new SyntheticCtStudy(256, 30, 13).write(ct, 60);
        CliProcess first = serve(isoDir, 1);
        try {
            int port = Integer.parseInt(first.awaitOut(LISTENING, START).group(1));
            push(ct, port);
            // The image is written under a name that does not look finished and renamed once verified.
            Path unverified = isoDir.resolve(ISO_BASE + "1.iso.unverified");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(unverified) && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(2);
            }
            first.kill();
        } finally {
            first.close();
        }
        String state = jobRows().get(0).split("\t")[2];
        assertTrue(state.equals("writing") || state.equals("verifying"), "killed mid-burn, not " + state + "\n"
                + first.transcript());

        CliProcess second = serve(isoDir, 1);
        try {
            second.awaitOut(Pattern.compile("^auto-burn: 1 interrupted job\\(s\\) queued again$"), START);
            Matcher done = second.awaitOut(FINISHED, Duration.ofSeconds(60));
            assertEquals("1", done.group(1), second.transcript());
            assertEquals("DONE", done.group(2), second.transcript());
            Path iso = isoDir.resolve(ISO_BASE + "1.iso");
            assertEquals(List.of(iso), list(isoDir), "the half-written image replaced, not kept beside");
            assertVerifiedCd(iso, sent.size());
            assertJobs(List.of("1\t" + RULE + "\tdone"));
            assertTrue(second.stop(Duration.ofSeconds(10)), second.transcript());
            assertNothingAtErrorOrWarn(second);
        } finally {
            second.close();
        }
    }

    private static void assertVerifiedCd(Path iso, int instances) throws Exception {
        try (OpenedMedium m = OpenedMedium.open(iso)) {
            VerifyReport r = MediaVerifier.verify(m.root(), VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD));
            assertFalse(r.hasErrors(), r.summary());
            try (Stream<Path> files = Files.walk(m.root().resolve("DICOM"))) {
                assertEquals(instances, files.filter(Files::isRegularFile).count(), "every instance sent");
            }
        }
    }

    /**
     * Runs {@code pdistation archive jobs} on the same data folder (in this JVM, while the server may still run: the
     * index is SQLite in WAL mode) and returns its rows: id, rule, state, updated, study UID[, detail].
     */
    private List<String> jobRows() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(0, run("archive", "jobs"), err.toString());
        List<String> lines = out.toString().lines().toList();
        List<String> rows = lines.subList(0, lines.size() - 1);
        assertEquals(rows.size() + (rows.size() == 1 ? " job" : " jobs"), lines.get(lines.size() - 1));
        return rows;
    }

    /** {@link #jobRows}, checking that they start with {@code expected} (id, rule, state). */
    private List<String> assertJobs(List<String> expected) {
        List<String> rows = jobRows();
        assertEquals(expected, rows.stream().map(r -> String.join("\t", List.of(r.split("\t")).subList(0, 3)))
                .toList(), out.toString());
        return rows;
    }

    /**
     * Warnings and errors reach stderr as "pdistation: LEVEL: ..." and the log file in the data folder (logback.xml);
     * a failed tick prints "auto-burn: REASON" and a failed job "FAILED". A clean run has none of them.
     */
    private void assertNothingAtErrorOrWarn(CliProcess p) throws Exception {
        List<String> logged = p.err().stream().filter(l -> l.contains("ERROR") || l.contains("WARN")).toList();
        assertEquals(List.of(), logged, p.transcript());
        assertEquals(List.of(), p.out().stream().filter(l -> l.contains("FAILED") || (l.startsWith("auto-burn: ")
                && !l.endsWith("interrupted job(s) queued again"))).toList(), p.transcript());
        Path log = home.resolve("logs").resolve("pdistation.log");
        if (Files.exists(log)) {
            try (Stream<String> lines = Files.lines(log)) {
                assertEquals(List.of(), lines.filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).toList());
            }
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
