package org.pdistation.imaging.render.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The branch-free clamp of the colour fast path gives the same pixels as the compare-and-branch clamp it replaced. */
class YbrClampTest {
    private static int reference(int fixed) {
        int v = fixed >> 16;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    @Test
    void clampEqualsTheBranchingClampOverTheWholeFixedPointRange() {
        for (long f = Integer.MIN_VALUE; f <= Integer.MAX_VALUE; f += 4093) {
            assertEquals(reference((int) f), YbrTables.clamp((int) f), "fixed " + f);
        }
        for (int v = -70000; v <= 70000; v++) {
            assertEquals(reference(v << 16), YbrTables.clamp(v << 16), "value " + v);
            assertEquals(reference((v << 16) + 0xFFFF), YbrTables.clamp((v << 16) + 0xFFFF), "value " + v + " + fraction");
        }
    }

    @Test
    void everyYbrTripleRendersAsTheBranchingTablesDo() {
        for (YbrTables t : new YbrTables[] {YbrTables.full(), YbrTables.partial()}) {
            for (int y = 0; y < 256; y++) {
                for (int cb = 0; cb < 256; cb++) {
                    for (int cr = 0; cr < 256; cr++) {
                        int l = t.y()[y];
                        int expected = 0xFF000000 | reference(l + t.rCr()[cr]) << 16
                                | reference(l + t.gCb()[cb] + t.gCr()[cr]) << 8 | reference(l + t.bCb()[cb]);
                        int got = t.argb(y, cb, cr);
                        if (got != expected) {
                            assertEquals(Integer.toHexString(expected), Integer.toHexString(got),
                                    "Y " + y + " Cb " + cb + " Cr " + cr);
                        }
                    }
                }
            }
        }
    }
}
