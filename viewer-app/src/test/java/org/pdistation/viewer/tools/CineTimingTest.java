package org.pdistation.viewer.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

class CineTimingTest {
    @Test
    void frameTimeGivesAUniformRate() {
        Dataset ds = new Dataset();
        ds.setString(Tag.FrameTime, VR.DS, "76");
        CineRate r = CineRate.of(ds, 10);
        assertEquals(CineRate.Source.FRAME_TIME, r.source());
        assertEquals(1000 / 76.0, r.framesPerSecond(), 1e-9);
        assertEquals(76 * 9, r.offsetsMs()[9], 1e-9);
    }

    @Test
    void recommendedDisplayFrameRateWinsOverFrameTime() {
        Dataset ds = new Dataset();
        ds.setString(Tag.FrameTime, VR.DS, "47.4359");
        ds.setString(Tag.RecommendedDisplayFrameRate, VR.IS, "21");
        assertEquals(21, CineRate.of(ds, 27).framesPerSecond(), 1e-9);
    }

    @Test
    void frameTimeVectorHoldsIncrementsFromThePreviousFrame() {
        Dataset ds = new Dataset();
        ds.setString(Tag.FrameTimeVector, VR.DS, "0", "40", "20", "40");
        CineRate r = CineRate.of(ds, 4);
        assertEquals(CineRate.Source.FRAME_TIME_VECTOR, r.source());
        assertArrayEquals(new double[] {0, 40, 60, 100}, r.offsetsMs(), 1e-9);
    }

    @Test
    void aStackWithoutTimingPlaysAtTheDefaultRateAndNonsenseIsIgnored() {
        assertEquals(CineRate.DEFAULT_FPS, CineRate.of(null, 20).framesPerSecond(), 1e-9);
        Dataset ds = new Dataset();
        ds.setString(Tag.FrameTime, VR.DS, "-3");
        ds.setString(Tag.CineRate, VR.IS, "0");
        assertEquals(CineRate.Source.DEFAULT, CineRate.of(ds, 5).source());
    }

    @Test
    void theClockPicksFramesByElapsedTimeAndCountsSkippedOnes() {
        CineClock c = new CineClock(CineRate.uniform(10, 10, CineRate.Source.DEFAULT), 0); // 100 ms per frame
        long t0 = 1_000_000_000L;
        assertEquals(0, c.frameAt(t0));
        assertEquals(1, c.frameAt(t0 + 100_000_000L));
        assertEquals(0, c.skipped());
        // A 350 ms stall: the clock does not slow down, it jumps to frame 4 and counts two skipped frames.
        assertEquals(4, c.frameAt(t0 + 450_000_000L));
        assertEquals(2, c.skipped());
        // The loop wraps after 1 s.
        assertEquals(0, c.frameAt(t0 + 1_020_000_000L));
        c.setSpeed(2, t0 + 1_020_000_000L);
        assertEquals(2, c.frameAt(t0 + 1_120_000_000L)); // 100 ms at double speed = 200 ms of loop
    }
}
