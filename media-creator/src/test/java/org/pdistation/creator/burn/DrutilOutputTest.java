package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** macOS drutil/hdiutil output, as samples written after drutil(1) and hdiutil(1); the tools cannot run here. */
class DrutilOutputTest {

    @Test
    void parsesDrutilListColumnsByTheHeader() {
        List<String> out = List.of(
                "   Vendor   Product           Rev   Bus       SupportLevel",
                "1  MATSHITA DVD-R   UJ-85J    FM0S  ATAPI     Apple Shipping",
                "2  HL-DT-ST DVDRW  GX40N      RQ00  USB       Generic");
        assertEquals(List.of(new Drive("1", "MATSHITA", "DVD-R   UJ-85J", ""),
                new Drive("2", "HL-DT-ST", "DVDRW  GX40N", "")), DrutilOutput.parseList(out));
        assertTrue(DrutilOutput.parseList(List.of("   Vendor   Product           Rev   Bus       SupportLevel"))
                .isEmpty());
    }

    @Test
    void aBlankDvdInDrutilStatus() {
        List<String> out = List.of(
                " Vendor   Product           Rev ",
                " MATSHITA DVD-R   UJ-85J    FM0S",
                "",
                "           Type: DVD-R                Name: /dev/disk2",
                "       Sessions: 0                  Tracks: 0 ",
                "   Overwritable:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB",
                "     Space Free:  510:03:71         blocks:  2295104 /   4.70GB /   4.38GiB",
                "     Space Used:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB",
                "    Writability: appendable, blank, overwritable");
        assertEquals(new MediaStatus(MediaState.BLANK, 2295104L * 2048, "DVD-R"), DrutilOutput.parseStatus(out));
    }

    @Test
    void noMediaAndAClosedCd() {
        assertEquals(MediaState.NONE, DrutilOutput.parseStatus(List.of("           Type: No Media Inserted"))
                .state());
        List<String> closed = List.of("           Type: CD-ROM               Name: /dev/disk3",
                "     Space Free:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB");
        assertEquals(new MediaStatus(MediaState.CLOSED, 0, "CD-ROM"), DrutilOutput.parseStatus(closed));
    }

    @Test
    void puppetstringsPercentAndStageMessages() {
        BurnPhase[] phase = {BurnPhase.PREPARING};
        assertEquals(Optional.empty(), DrutilOutput.parseProgress("MESSAGE:Burning Image…", 1000, phase));
        assertEquals(BurnPhase.WRITING, phase[0]);
        assertEquals(Optional.of(new BurnProgress(425, 1000, BurnPhase.WRITING)),
                DrutilOutput.parseProgress("PERCENT:42.500000", 1000, phase));
        assertEquals(Optional.empty(), DrutilOutput.parseProgress("PERCENT:-1.000000", 1000, phase));
        DrutilOutput.parseProgress("MESSAGE:Verifying burn…", 1000, phase);
        assertEquals(BurnPhase.VERIFYING, DrutilOutput.parseProgress("PERCENT:10", 1000, phase).orElseThrow().phase());
    }

    @Test
    void hdiutilBurnArgumentsTurnOffItsDefaultsWhenAsked() throws Exception {
        Drive drive = new Drive("2", "HL-DT-ST", "DVDRW", "IOService:/AppleACPIPlatformExpert/PCI0@0/IOBDServices");
        List<String> cmd = new DrutilBurner().burnCommand("/usr/bin/hdiutil", Path.of("/tmp/my disc \"1\".iso"),
                drive, BurnOptions.DEFAULT.withSpeed(8).withVerify(false));
        assertEquals(List.of("/usr/bin/hdiutil", "burn", "/tmp/my disc \"1\".iso", "-puppetstrings", "-device",
                drive.path(), "-speed", "8", "-noverifyburn", "-noeject"), cmd);
        assertThrows(BurnException.class, () -> new DrutilBurner().burnCommand("hdiutil", Path.of("/tmp/a.iso"),
                new Drive("2", "", "", ""), BurnOptions.DEFAULT));
        assertEquals(List.of("IOService:/a/b"), DrutilOutput.parseBurnDevices(List.of("  IOService:/a/b", "x")));
    }
}
