package org.pdistation.imaging.render.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

class ScrollSimulationTest {
    @TempDir
    Path root;

    @Test
    void scrollsTheSeriesThroughTheCacheWithinBudget() throws Exception {
        new SyntheticCtStudy(64, 30, 3).write(root, 30);
        long frame = 64 * 64 * 2;
        ScrollSimulation.Report r = ScrollSimulation.run(root, new ScrollSimulation.Options(8 * frame, 4, 2, 2));
        assertEquals(60, r.frames());
        assertEquals(0, r.errors());
        assertTrue(r.framesPerSecond() > 0);
        assertTrue(r.peakHeapBytes() > 0);
        CacheStats s = r.stats();
        assertTrue(s.bytes() <= 8 * frame, s.toString());
        assertEquals(60, s.hits() + s.misses());
        assertTrue(s.prefetches() > 0);
    }

    @Test
    void aCacheHoldingTheWholeStackDecodesEachFrameOnce() throws Exception {
        new SyntheticCtStudy(32, 12, 4).write(root, 12);
        ScrollSimulation.Report r = ScrollSimulation.run(root, new ScrollSimulation.Options(1 << 20, 0, 1, 3));
        assertEquals(36, r.frames());
        assertEquals(12, r.stats().misses());
        assertEquals(24, r.stats().hits());
        assertEquals(0, r.stats().evictions());
    }
}
