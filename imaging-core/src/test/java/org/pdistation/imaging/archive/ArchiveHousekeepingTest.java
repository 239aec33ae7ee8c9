package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.index.StoredInstance;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

class ArchiveHousekeepingTest {
    @TempDir
    Path tmp;

    private List<Path> ct(int n) throws Exception {
        return new SyntheticCtStudy(64, 10, 7).write(Files.createDirectories(tmp.resolve("ct")), n);
    }

    @Test
    void addStoresOnceOwnerOnlyAndDeleteRemovesFilesAndRows() throws Exception {
        List<Path> files = ct(20);
        try (Archive a = Archive.open(tmp.resolve("arch"))) {
            for (Path f : files) {
                assertEquals(IngestOutcome.STORED, a.addFile(f, "TEST"));
            }
            assertEquals(IngestOutcome.DUPLICATE, a.addFile(files.get(0), "TEST"));
            List<StoredInstance> all = a.index().allInstances();
            assertEquals(20, all.size());
            Path one = a.store().resolve(all.get(0).path());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one.getParent())));
            List<String> studies = all.stream().map(StoredInstance::studyUid).distinct().toList();
            int removed = a.deleteStudy(studies.get(0));
            assertTrue(removed > 0);
            assertEquals(20 - removed, a.index().allInstances().size());
            assertEquals(20 - removed, a.store().listFiles().size());
            assertTrue(a.check(true).clean());
        }
    }

    @Test
    void checkFindsMissingUnindexedAndCorruptFilesAndRemovesTemporaries() throws Exception {
        List<Path> files = ct(6);
        try (Archive a = Archive.open(tmp.resolve("arch"))) {
            for (Path f : files) {
                a.addFile(f, "TEST");
            }
            List<StoredInstance> all = a.index().allInstances();
            Files.delete(a.store().resolve(all.get(0).path()));
            Path corrupt = a.store().resolve(all.get(1).path());
            byte[] b = Files.readAllBytes(corrupt);
            b[b.length - 1] ^= 1;
            Files.write(corrupt, b);
            a.index().removeInstance(all.get(2).sopUid());
            Files.writeString(a.store().root().resolve("tmp/in-x.part"), "partial");
            CheckReport r = a.check(true);
            assertEquals(List.of(all.get(0).sopUid()), r.missingFiles());
            assertEquals(List.of(all.get(2).path()), r.unindexedFiles());
            assertEquals(List.of(all.get(1).sopUid()), r.checksumMismatches());
            assertEquals(1, r.temporariesRemoved());
            assertEquals(5, a.index().allInstances().size(), "the unindexed file was indexed again");
        }
    }

    @Test
    void conflictingResendKeepsTheFirstUnlessReplaceIsConfigured() throws Exception {
        Path f = ct(1).get(0);
        Path changed = tmp.resolve("changed.dcm");
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 1;
        Files.write(changed, b);
        try (Archive a = Archive.open(tmp.resolve("a1"))) {
            a.addFile(f, "T");
            assertEquals(IngestOutcome.CONFLICT_KEPT_FIRST, a.addFile(changed, "T"));
        }
        try (Archive a = Archive.open(tmp.resolve("a2"), ConflictPolicy.REPLACE)) {
            a.addFile(f, "T");
            assertEquals(IngestOutcome.REPLACED, a.addFile(changed, "T"));
            assertEquals(1, a.index().allInstances().size());
            assertTrue(a.check(true).clean());
        }
    }

    @Test
    void quotaEvictsOldestUnpinnedStudiesFirst() throws Exception {
        try (Archive a = Archive.open(tmp.resolve("arch"))) {
            for (int seed = 1; seed <= 3; seed++) {
                for (Path f : new SyntheticCtStudy(32, 5, seed).write(Files.createDirectories(tmp.resolve("s" + seed)),
                        5)) {
                    a.addFile(f, "T");
                }
            }
            List<String> studies = a.index().studiesOldestFirst().stream().map(s -> s.studyUid()).toList();
            assertTrue(studies.size() >= 3, "synthetic set has several studies: " + studies.size());
            a.index().setPinned(studies.get(0), true);
            List<String> evicted = a.enforceQuota(0);
            assertFalse(evicted.contains(studies.get(0)));
            assertEquals(studies.subList(1, studies.size()), evicted);
        }
    }

    @Test
    void killedMidReceiveLeavesIndexAndFilesInAgreementAndResendCompletes() throws Exception {
        Path storescu = Peers.require("storescu");
        List<Path> files = ct(300);
        Path dir = tmp.resolve("arch");
        int port = Peers.freeLoopbackPort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArchiveServeMain.class.getName(), dir.toString(),
                String.valueOf(port));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        Process sender = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // start-up noise
            }
            List<String> cmd = new ArrayList<>(List.of(storescu.toString(), "-R", "-aet", "SENDER", "-aec", "ARCH",
                    "127.0.0.1", String.valueOf(port)));
            files.forEach(p -> cmd.add(p.toString()));
            ProcessBuilder spb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            spb.environment().put("TCP_NODELAY", "1");
            sender = spb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (countFiles(dir.resolve("objects")) < 40 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            sender.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            if (sender != null) {
                sender.destroyForcibly();
            }
        }
        try (Archive a = Archive.open(dir)) {
            int received = a.index().allInstances().size();
            assertTrue(received < 300, "killed before the end: " + received);
            CheckReport first = a.check(true);
            assertTrue(first.missingFiles().isEmpty() && first.checksumMismatches().isEmpty(), first.describe());
            assertTrue(a.check(true).clean());
            try (DicomServer s = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0, new AccessPolicy(Set.of(), Map.of()),
                    NetOptions.DEFAULT, l -> { })) {
                List<String> cmd = new ArrayList<>(List.of("storescu", "-R", "-aet", "SENDER", "-aec", "ARCH",
                        "127.0.0.1", String.valueOf(s.port())));
                files.forEach(p -> cmd.add(p.toString()));
                Peers.run(Duration.ofSeconds(120), cmd).requireSuccess();
            }
            assertEquals(300, a.index().allInstances().size());
            assertTrue(a.check(true).clean());
        }
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
