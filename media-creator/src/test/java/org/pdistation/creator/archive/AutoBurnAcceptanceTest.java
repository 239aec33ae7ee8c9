package org.pdistation.creator.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.burn.AutoBurnRule;
import org.pdistation.imaging.archive.burn.AutoBurner;
import org.pdistation.imaging.archive.burn.BurnAction;
import org.pdistation.imaging.archive.burn.BurnJob;
import org.pdistation.imaging.archive.burn.BurnState;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/** Issue 7 acceptance: "an auto-burn rule writes an ISO for a pushed study and verify-media passes on it". */
class AutoBurnAcceptanceTest {
    @TempDir
    Path tmp;

    private CreatorBurnAction action(Archive a) {
        return new CreatorBurnAction(CreateOptions.defaults(), Burners.forPlatform(),
                a.store().root().resolve("burn-work"), CodecRegistry.standard());
    }

    @Test
    void aStudyPushedToBurnCdBecomesAVerifiedIsoAfterTheQuietTime() throws Exception {
        Peers.require("storescu");
        Path isoDir = tmp.resolve("iso");
        List<Path> sent = new SyntheticCtStudy(64, 6, 7).write(Files.createDirectories(tmp.resolve("ct")), 12);
        AutoBurnRule rule = AutoBurnRule.parse("called=BURN_CD,quiet=1,profile=STD-GEN-CD,iso=" + isoDir);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (Archive a = Archive.open(tmp.resolve("archive"))) {
            AutoBurner burner = new AutoBurner(a, List.of(rule), action(a));
            try (DicomServer server = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0,
                    new AccessPolicy(Set.of(), Map.of()), NetOptions.DEFAULT, log::add, burner, burner.calledAets());
                 AutoCloseable running = burner.startBackground(Duration.ofMillis(200), log::add)) {
                // Peers.run sets TCP_NODELAY=1 for DCMTK.
                Peers.run(Duration.ofSeconds(60), "storescu", "-aet", "MODALITY", "-aec", "BURN_CD", "+sd", "+r",
                        "127.0.0.1", String.valueOf(server.port()), tmp.resolve("ct").toString()).requireSuccess();
                Peers.run(Duration.ofSeconds(60), "storescu", "-aet", "MODALITY", "-aec", "ARCH", "+sd", "+r",
                        "127.0.0.1", String.valueOf(server.port()),
                        new SyntheticCtStudy(32, 2, 8).write(Files.createDirectories(tmp.resolve("other")), 2)
                                .get(0).getParent().toString()).requireSuccess();
                awaitDone(burner, 1, Duration.ofSeconds(90), log);
            }
            List<BurnJob> jobs = burner.jobs().all();
            assertEquals(1, jobs.size(), "only the study sent to BURN_CD: " + jobs);
            assertEquals(BurnState.DONE, jobs.get(0).state(), jobs.toString());
            List<Path> out = list(isoDir);
            assertEquals(List.of(isoDir.resolve("called-burn_cd-iso-job" + jobs.get(0).id() + ".iso")), out);
            try (OpenedMedium m = OpenedMedium.open(out.get(0))) {
                VerifyReport r = MediaVerifier.verify(m.root(), VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD));
                assertFalse(r.hasErrors(), r.summary());
                try (Stream<Path> files = Files.walk(m.root().resolve("DICOM"))) {
                    assertEquals(sent.size(), files.filter(Files::isRegularFile).count(), "every instance sent");
                }
                assertTrue(r.filesVerified() > sent.size(), r.summary());
            }
        }
    }

    /** Stands for the process dying: not an Exception, so the AutoBurner cannot record it as FAILED. */
    static final class Killed extends Error {
        Killed() {
            super("process killed");
        }
    }

    @Test
    void aBurnKilledWhileVerifyingStartsOverAfterRestartAndLeavesExactlyOneIso() throws Exception {
        Path isoDir = tmp.resolve("iso");
        AutoBurnRule rule = AutoBurnRule.parse("name=cd,called=BURN_CD,quiet=1,iso=" + isoDir);
        Path archiveDir = tmp.resolve("archive");
        String study;
        try (Archive a = Archive.open(archiveDir)) {
            for (Path f : new SyntheticCtStudy(32, 4, 3).write(Files.createDirectories(tmp.resolve("ct")), 4)) {
                a.addFile(f, "MODALITY");
            }
            study = a.index().studiesOldestFirst().get(0).studyUid();
            CreatorBurnAction real = action(a);
            BurnAction dying = (job, r, archive, progress) -> real.burn(job, r, archive, state -> {
                progress.entered(state);
                if (state == BurnState.VERIFYING) {
                    throw new Killed();
                }
            });
            AutoBurner first = new AutoBurner(a, List.of(rule), dying);
            first.stored("MODALITY", "BURN_CD", study, Instant.EPOCH);
            assertThrows(Killed.class, () -> first.tick(Instant.EPOCH.plusSeconds(2)));
            assertEquals(BurnState.VERIFYING, first.jobs().all().get(0).state());
            // The complete image exists, but under a name that does not look finished.
            assertEquals(List.of(isoDir.resolve("cd-job1.iso" + CreatorBurnAction.UNVERIFIED)), list(isoDir));
        }
        try (Archive a = Archive.open(archiveDir)) {
            AutoBurner restarted = new AutoBurner(a, List.of(rule), action(a));
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            try (AutoCloseable running = restarted.startBackground(Duration.ofMillis(100), log::add)) {
                awaitDone(restarted, 1, Duration.ofSeconds(60), log);
            }
            assertTrue(log.get(0).contains("1 interrupted job"), log.toString());
            List<BurnJob> jobs = restarted.jobs().all();
            assertEquals(1, jobs.size());
            assertEquals(BurnState.DONE, jobs.get(0).state(), jobs.toString());
            assertEquals(List.of(isoDir.resolve("cd-job1.iso")), list(isoDir));
            // Pushed again: a study is burned once per rule.
            restarted.stored("MODALITY", "BURN_CD", study, Instant.EPOCH);
            assertEquals(List.of(), restarted.tick(Instant.EPOCH.plusSeconds(5)));
            assertEquals(List.of(isoDir.resolve("cd-job1.iso")), list(isoDir));
            try (OpenedMedium m = OpenedMedium.open(isoDir.resolve("cd-job1.iso"))) {
                assertFalse(MediaVerifier.verify(m.root(), VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD))
                        .hasErrors());
            }
        }
    }

    @Test
    void aStudyThatIsGoneFailsWithAReasonAndLeavesNoImage() throws Exception {
        Path isoDir = tmp.resolve("iso");
        AutoBurnRule rule = AutoBurnRule.parse("name=cd,called=BURN_CD,quiet=1,iso=" + isoDir);
        try (Archive a = Archive.open(tmp.resolve("archive"))) {
            AutoBurner b = new AutoBurner(a, List.of(rule), action(a));
            b.stored("MODALITY", "BURN_CD", "1.2.3.4", Instant.EPOCH);
            BurnJob j = b.tick(Instant.EPOCH.plusSeconds(2)).get(0);
            assertEquals(BurnState.FAILED, j.state());
            assertTrue(j.detail().contains("holds no study 1.2.3.4"), j.detail());
            assertEquals(List.of(), list(isoDir));
        }
    }

    @Test
    void aFolderRuleWritesAVerifiedFileSetFolder() throws Exception {
        Path outDir = tmp.resolve("out");
        AutoBurnRule rule = AutoBurnRule.parse("name=usb,calling=CT1,quiet=1,profile=STD-GEN-USB-JPEG,folder="
                + outDir);
        try (Archive a = Archive.open(tmp.resolve("archive"))) {
            for (Path f : new SyntheticCtStudy(32, 3, 5).write(Files.createDirectories(tmp.resolve("ct")), 3)) {
                a.addFile(f, "CT1");
            }
            String study = a.index().studiesOldestFirst().get(0).studyUid();
            List<BurnState> states = new ArrayList<>();
            CreatorBurnAction real = action(a);
            AutoBurner b = new AutoBurner(a, List.of(rule), (job, r, archive, progress) -> real.burn(job, r, archive,
                    s -> {
                        states.add(s);
                        progress.entered(s);
                    }));
            b.stored("CT1", "ARCH", study, Instant.EPOCH);
            BurnJob j = b.tick(Instant.EPOCH.plusSeconds(2)).get(0);
            assertEquals(BurnState.DONE, j.state(), j.detail());
            assertEquals(List.of(BurnState.STAGING, BurnState.WRITING, BurnState.VERIFYING), states);
            assertEquals(List.of(outDir.resolve("usb-job1")), list(outDir));
            assertTrue(Files.isRegularFile(outDir.resolve("usb-job1/DICOMDIR")));
            assertFalse(MediaVerifier.verify(outDir.resolve("usb-job1"),
                    VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_USB_JPEG)).hasErrors());
        }
    }

    private static void awaitDone(AutoBurner b, int jobs, Duration timeout, List<String> log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<BurnJob> all = b.jobs().all();
            if (all.size() >= jobs && all.stream().allMatch(j -> j.state().isTerminal())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("burn jobs not finished in " + timeout + ": " + b.jobs().all() + "\n" + log);
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
