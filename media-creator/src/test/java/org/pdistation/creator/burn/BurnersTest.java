package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BurnersTest {

    @Test
    void choosesTheToolByOperatingSystemName() {
        assertInstanceOf(ImapiBurner.class, Burners.forOs("Windows 11"));
        assertInstanceOf(DrutilBurner.class, Burners.forOs("Mac OS X"));
        assertInstanceOf(XorrisoBurner.class, Burners.forOs("Linux"));
        assertInstanceOf(XorrisoBurner.class, Burners.forOs("FreeBSD"));
    }

    @Test
    void progressPercentAndDescriptions() {
        assertEquals(50, new BurnProgress(5, 10, BurnPhase.WRITING).percent());
        assertEquals(100, new BurnProgress(0, 0, BurnPhase.DONE).percent());
        assertEquals(10, new BurnProgress(20, 10, BurnPhase.WRITING).bytesDone(), "clamped to the total");
        assertEquals("blank, DVD+R, 4.7 GB free", new MediaStatus(MediaState.BLANK, 4_700_000_000L, "DVD+R")
                .describe());
        assertEquals("none", MediaStatus.NO_MEDIUM.describe());
        assertEquals("/dev/sr0 (ASUS DRW)", new Drive("/dev/sr0", "ASUS", "DRW", "/dev/sr0").describe());
        assertThrows(IllegalArgumentException.class, () -> BurnOptions.DEFAULT.withSpeed(-1));
        assertThrows(IllegalArgumentException.class, () -> Drive.of(" "));
    }
}
