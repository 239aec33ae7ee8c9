package org.pdistation.creator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.media.Profile;

class PlannerTest {
    /** 1 MiB blocks of 1 KiB: tiny media so that a few fake instances span them. */
    static final MediumSize TINY = new MediumSize("TINY", 4L << 20, 1024);

    static InputInstance inst(String study, int series, int n, long size) {
        return new InputInstance(Path.of("/in/" + study + "/" + series + "/" + n), size, "1.2.840.10008.1.2.1", true,
                "PID", "Doe^J", "", study, "20260101", "", study + "." + series, series, "CT",
                "1.2.840.10008.5.1.4.1.1.2", study + "." + series + "." + n, n, 1, 0, "", null, null);
    }

    static List<InputInstance> study(String uid, int series, int perSeries, long size) {
        List<InputInstance> l = new ArrayList<>();
        for (int s = 1; s <= series; s++) {
            for (int i = 1; i <= perSeries; i++) {
                l.add(inst(uid, s, i, size));
            }
        }
        return l;
    }

    static Plan plan(List<InputInstance> all) {
        return new Planner(Profile.STD_GEN_CD, TINY, TranscodePolicy.standard(), 0)
                .plan(Selection.of(all, List.of()));
    }

    @Test
    void studiesStayWholeWhenEachFitsAMedium() {
        List<InputInstance> all = new ArrayList<>();
        all.addAll(study("1.1", 2, 5, 200_000)); // about 2 MB
        all.addAll(study("1.2", 2, 5, 200_000));
        all.addAll(study("1.3", 1, 3, 200_000));
        Plan p = plan(all);
        assertEquals(2, p.media().size());
        for (PlannedMedium m : p.media()) {
            assertTrue(m.splitStudies().isEmpty());
            assertTrue(m.estimatedBytes() <= TINY.usableBytes());
        }
        assertEquals(List.of("1.1"), p.media().get(0).instances().stream().map(i -> i.input().studyUid())
                .distinct().toList());
        assertEquals(List.of("1.2", "1.3"), p.media().get(1).instances().stream().map(i -> i.input().studyUid())
                .distinct().toList());
    }

    @Test
    void aStudyLargerThanAMediumIsSplitBySeriesAndKeepsEveryInstance() {
        List<InputInstance> all = study("2.1", 3, 8, 200_000); // about 4.8 MB
        Plan p = plan(all);
        assertTrue(p.media().size() >= 2);
        assertEquals(all.size(), p.totalInstances());
        assertTrue(p.media().stream().allMatch(m -> m.splitStudies().equals(List.of("2.1"))));
        assertTrue(p.leftOff().isEmpty());
    }

    @Test
    void theSameSelectionGivesTheSamePlanWhateverTheInputOrder() {
        List<InputInstance> all = new ArrayList<>();
        all.addAll(study("3.1", 3, 8, 200_000));
        all.addAll(study("3.2", 2, 4, 150_000));
        List<InputInstance> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertEquals(describe(plan(all)), describe(plan(reversed)));
    }

    @Test
    void anInstanceLargerThanAnEmptyMediumIsLeftOffWithTheReason() {
        Plan p = plan(List.of(inst("4.1", 1, 1, 10L << 20), inst("4.1", 1, 2, 1000)));
        assertEquals(1, p.leftOff().size());
        assertTrue(p.leftOff().get(0).decision().reason().contains("larger than an empty"));
        assertEquals(1, p.totalInstances());
    }

    private static List<List<String>> describe(Plan p) {
        return p.media().stream().map(m -> m.instances().stream().map(i -> i.input().sopInstanceUid()).toList())
                .toList();
    }
}
