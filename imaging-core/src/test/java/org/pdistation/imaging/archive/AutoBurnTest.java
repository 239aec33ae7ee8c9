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

    /** The state as persisted right now. */
    private static BurnState b2(Archive a, long id) throws Exception {
        return new org.pdistation.imaging.archive.burn.BurnJobStore(a.index()).get(id).orElseThrow().state();
    }
}
