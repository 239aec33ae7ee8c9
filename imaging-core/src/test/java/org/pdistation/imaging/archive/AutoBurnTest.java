package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.burn.AutoBurnRule;
import org.pdistation.imaging.archive.burn.AutoBurner;
import org.pdistation.imaging.archive.burn.BurnJob;
import org.pdistation.imaging.archive.burn.BurnState;
import org.pdistation.imaging.archive.burn.StudyCompletionDetector;

class AutoBurnTest {
    @TempDir
    Path tmp;
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final AutoBurnRule RULE = new AutoBurnRule("cd", null, "BURN_CD", Duration.ofSeconds(30),
            new AutoBurnRule.Target(AutoBurnRule.Kind.ISO, "/tmp/out.iso"));

    @Test
    void studyIsCompleteOnlyAfterTheQuietTimeSinceItsLastInstance() {
        StudyCompletionDetector d = new StudyCompletionDetector(Duration.ofSeconds(30));
        d.arrived("1.1", T0);
        d.arrived("1.2", T0.plusSeconds(10));
        d.arrived("1.1", T0.plusSeconds(20));
        assertEquals(List.of(), d.due(T0.plusSeconds(39)));
        assertEquals(List.of("1.2"), d.due(T0.plusSeconds(40)));
        assertEquals(List.of(), d.due(T0.plusSeconds(49)), "1.1 received again at +20");
        assertEquals(List.of("1.1"), d.due(T0.plusSeconds(50)));
        assertEquals(List.of(), d.due(T0.plusSeconds(100)), "reported once");
        assertEquals(0, d.pending());
    }

    @Test
    void rulesMatchOnCalledAndCallingAe() {
        assertTrue(RULE.matches("MODALITY", "BURN_CD"));
        assertTrue(!RULE.matches("MODALITY", "ARCHIVE"));
    }

    @Test
    void jobStatesArePersistedAndAnInterruptedJobResumesAfterRestart() throws Exception {
        Path dir = tmp.resolve("arch");
        long id;
        try (Archive a = Archive.open(dir)) {
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> {
                progress.entered(BurnState.STAGING);
                progress.entered(BurnState.WRITING);
                throw new IllegalStateException("simulated crash mid-write");
            });
            b.stored("MOD", "ARCHIVE", "9.9", T0);
            b.stored("MOD", "BURN_CD", "1.1", T0);
            assertEquals(List.of(), b.tick(T0.plusSeconds(29)));
            List<BurnJob> ran = b.tick(T0.plusSeconds(31));
            assertEquals(1, ran.size());
            assertEquals("1.1", ran.get(0).studyUid());
            assertEquals(BurnState.FAILED, ran.get(0).state());
            assertTrue(ran.get(0).detail().contains("simulated"));
            id = ran.get(0).id();
            // A job caught by a kill in WRITING stays WRITING in the table.
            b.jobs().update(id, BurnState.WRITING, null);
        }
        try (Archive a = Archive.open(dir)) {
            List<BurnState> seen = new ArrayList<>();
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> {
                for (BurnState s : List.of(BurnState.STAGING, BurnState.WRITING, BurnState.VERIFYING)) {
                    progress.entered(s);
                    seen.add(b2(archive, job.id()));
                }
            });
            assertEquals(BurnState.WRITING, b.jobs().get(id).orElseThrow().state());
            assertEquals(1, b.resume());
            assertEquals(BurnState.QUEUED, b.jobs().get(id).orElseThrow().state());
            List<BurnJob> ran = b.tick(T0.plusSeconds(100));
            assertEquals(BurnState.DONE, ran.get(0).state());
            assertEquals(List.of(BurnState.STAGING, BurnState.WRITING, BurnState.VERIFYING), seen);
            assertEquals(List.of(), b.jobs().unfinished());
        }
    }

    @Test
    void aDoneStudyIsNotBurnedAgainWhenItIsPushedAgain() throws Exception {
        try (Archive a = Archive.open(tmp.resolve("again"))) {
            List<String> burned = new ArrayList<>();
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> burned.add(job.studyUid()));
            b.stored("MOD", "BURN_CD", "1.1", T0);
            assertEquals(BurnState.DONE, b.tick(T0.plusSeconds(31)).get(0).state());
            b.stored("MOD", "BURN_CD", "1.1", T0.plusSeconds(60));
            assertEquals(List.of(), b.tick(T0.plusSeconds(100)));
            assertEquals(List.of("1.1"), burned);
            assertEquals(1, b.jobs().all().size());
        }
    }

    @Test
    void aFailedStudyIsTriedAgainWhenMoreOfItArrives() throws Exception {
        try (Archive a = Archive.open(tmp.resolve("retry"))) {
            int[] calls = {0};
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> {
                if (calls[0]++ == 0) {
                    throw new java.io.IOException("the disc is full");
                }
            });
            b.stored("MOD", "BURN_CD", "1.1", T0);
            BurnJob failed = b.tick(T0.plusSeconds(31)).get(0);
            assertEquals(BurnState.FAILED, failed.state());
            assertEquals("the disc is full", failed.detail());
            b.stored("MOD", "BURN_CD", "1.1", T0.plusSeconds(60));
            assertEquals(BurnState.DONE, b.tick(T0.plusSeconds(100)).get(0).state());
        }
    }

    @Test
    void ruleSpecNamesTriggerQuietTimeProfileAndTarget() {
        AutoBurnRule r = AutoBurnRule.parse("called=BURN_CD,quiet=5,profile=STD-GEN-DVD-JPEG,iso=/srv/iso");
        assertEquals("called-BURN_CD-iso", r.name());
        assertEquals("BURN_CD", r.calledAet());
        assertEquals(null, r.callingAet());
        assertEquals(Duration.ofSeconds(5), r.quiet());
        assertEquals(org.pdistation.imaging.media.Profile.STD_GEN_DVD_JPEG, r.profile());
        assertEquals(new AutoBurnRule.Target(AutoBurnRule.Kind.ISO, "/srv/iso"), r.target());
        AutoBurnRule d = AutoBurnRule.parse("name=ct,calling=CT1,drive=/dev/sr0");
        assertEquals("ct", d.name());
        assertEquals(Duration.ofSeconds(30), d.quiet());
        assertEquals(org.pdistation.imaging.media.Profile.STD_GEN_CD, d.profile());
        assertEquals(AutoBurnRule.Kind.DISC, d.target().kind());
        for (String bad : List.of("iso=/x", "called=BURN_CD", "called=BURN_CD,iso=/a,folder=/b",
                "called=BURN_CD,quiet=soon,iso=/a", "called=BURN_CD,colour=red,iso=/a")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> AutoBurnRule.parse(bad), bad);
        }
    }

    @Test
    void theBackgroundThreadResumesAndRunsJobs() throws Exception {
        Path dir = tmp.resolve("bg");
        try (Archive a = Archive.open(dir)) {
            AutoBurnRule quick = new AutoBurnRule("quick", null, "BURN_CD", Duration.ofMillis(50),
                    RULE.target());
            AutoBurner b = new AutoBurner(a, List.of(quick), (job, rule, archive, progress) -> { });
            long id = b.jobs().enqueue("quick", "2.2").id();
            b.jobs().update(id, BurnState.VERIFYING, null);
            List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
            try (AutoCloseable running = b.startBackground(Duration.ofMillis(20), log::add)) {
                b.stored("MOD", "BURN_CD", "3.3", Instant.now());
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (b.jobs().all().stream().filter(j -> j.state() == BurnState.DONE).count() < 2
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertEquals(List.of(BurnState.DONE, BurnState.DONE),
                    b.jobs().all().stream().map(BurnJob::state).toList());
            assertTrue(log.get(0).contains("1 interrupted job"), log.toString());
        }
    }

    /** The state as persisted right now. */
    private static BurnState b2(Archive a, long id) throws Exception {
        return new org.pdistation.imaging.archive.burn.BurnJobStore(a.index()).get(id).orElseThrow().state();
    }

    @Test
    void aStudyStillArrivingWhenTheStationStopsIsBurnedAfterRestart() throws Exception {
        Path dir = tmp.resolve("arch");
        try (Archive a = Archive.open(dir)) {
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> { });
            b.stored("MOD", "BURN_CD", "1.1", T0);
            b.stored("MOD", "BURN_CD", "1.1", T0.plusSeconds(1));
            assertEquals(List.of(BurnState.WAITING), b.jobs().all().stream().map(BurnJob::state).toList());
            // the station stops here, before the quiet time has passed
        }
        try (Archive a = Archive.open(dir)) {
            List<String> burned = new ArrayList<>();
            AutoBurner b = new AutoBurner(a, List.of(RULE), (job, rule, archive, progress) -> burned.add(job.studyUid()));
            b.resume();
            Instant restart = Instant.now();
            assertEquals(List.of(), b.tick(restart.plusSeconds(29)), "a full quiet time after the restart");
            List<BurnJob> ran = b.tick(restart.plusSeconds(31));
            assertEquals(List.of(BurnState.DONE), ran.stream().map(BurnJob::state).toList());
            assertEquals(List.of("1.1"), burned);
        }
    }
}
