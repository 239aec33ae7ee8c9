package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** xorriso's inquiry and progress output, as samples written after xorriso(1) and xorrecord(1). */
class XorrisoOutputTest {

    @Test
    void parsesTheDrivesOfADevicesListing() {
        List<String> out = List.of(
                "xorriso 1.5.4 : RockRidge filesystem manipulator, libburnia project.",
                "",
                "Beginning to scan for devices ...",
                "Full drive scan result:",
                "0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'BDDVDRW GGC-H20L'",
                "1  -dev '/dev/sr1' rwrw-- :  'TSSTcorp' 'CDDVDW SH-S223B' ",
                "2  -dev '/dev/sr2' rwrw-- :  'ASUS' 'DRW-24D5MT",
                "-----------------------------------------------------------------------------");
        List<Drive> drives = XorrisoOutput.parseDevices(out);
        assertEquals(List.of(new Drive("/dev/sr0", "HL-DT-ST", "BDDVDRW GGC-H20L", "/dev/sr0"),
                new Drive("/dev/sr1", "TSSTcorp", "CDDVDW SH-S223B", "/dev/sr1"),
                new Drive("/dev/sr2", "ASUS", "DRW-24D5MT", "/dev/sr2")), drives);
    }

    @Test
    void noDrivesFoundIsAnEmptyListingNotAnError() {
        List<String> out = List.of("Beginning to scan for devices ...", "xorriso : SORRY : No drives found",
                "xorriso : NOTE : Tolerated problem event of severity 'SORRY'");
        assertTrue(XorrisoOutput.parseDevices(out).isEmpty());
        assertTrue(XorrisoOutput.saysNoDrives(out));
    }

    @Test
    void aFreshPseudoDriveIsBlankWithItsFreeSpaceFromTellMediaSpace() {
        List<String> out = List.of(
                "Drive current: -outdev 'stdio:/tmp/disc.img'",
                "Drive type   : vendor 'YOYODYNE' product 'WARP DRIVE' revision 'FX01'",
                "Media current: stdio file, overwriteable",
                "Media status : is blank",
                "Media blocks : 0 readable , 40991994 writable , 40991994 overall",
                "Media summary: 0 sessions, 0 data blocks, 0 data, 78.2g free",
                "Media space  : 40991962s",
                "After commit : 40991962s");
        assertEquals(new MediaStatus(MediaState.BLANK, 40991962L * 2048, "stdio file"),
                XorrisoOutput.parseMediaStatus(out));
    }

    @Test
    void aWrittenPseudoDriveIsAppendable() {
        List<String> out = List.of("Media current: stdio file, overwriteable",
                "Media status : is written , is appendable",
                "Media blocks : 1649 readable , 40990345 writable , 40991994 overall");
        MediaStatus s = XorrisoOutput.parseMediaStatus(out);
        assertEquals(MediaState.APPENDABLE, s.state());
        assertEquals(40990345L * 2048, s.freeBytes());
    }

    @Test
    void aFinalizedDvdIsClosedWithNoFreeSpace() {
        List<String> out = List.of("Media current: DVD-R sequential recording",
                "Media status : is written , is closed",
                "Media summary: 1 session, 2295104 data blocks, 4482m data, 0 free");
        assertEquals(new MediaStatus(MediaState.CLOSED, 0, "DVD-R sequential recording"),
                XorrisoOutput.parseMediaStatus(out));
    }

    @Test
    void anEmptyTrayIsNoMedium() {
        List<String> out = List.of("Drive current: -outdev '/dev/sr0'", "Media current: is not present",
                "Media status : is not present");
        MediaStatus s = XorrisoOutput.parseMediaStatus(out);
        assertEquals(MediaState.NONE, s.state());
        assertEquals("", s.mediaType());
        assertEquals(MediaState.NONE, XorrisoOutput.parseMediaStatus(List.of("garbage")).state());
    }

    @Test
    void progressLinesScaleMegabytesToTheImageSize() {
        long image = 153_000_000L;
        Optional<BurnProgress> p = XorrisoOutput.parseProgress(
                "xorriso : UPDATE :   91 of  146 MB written (fifo 99%) [buf  50%]  52.7x.", image);
        assertEquals(Optional.of(new BurnProgress(image * 91 / 146, image, BurnPhase.WRITING)), p);
        assertEquals(0, XorrisoOutput.parseProgress("xorriso : UPDATE :    0 of  146 MB written (fifo  0%)", image)
                .orElseThrow().bytesDone());
        assertEquals(image, XorrisoOutput.parseProgress("Track 01:  146 of  146 MB written (fifo 100%)", image)
                .orElseThrow().bytesDone());
        assertFalse(XorrisoOutput.parseProgress("Beginning to write data track.", image).isPresent());
    }

    @Test
    void successNeedsXorrisosCompletionLineAndProblemsAreCollected() {
        List<String> ok = List.of("Beginning to write data track.",
                "Writing to 'stdio:/tmp/x y/disc.img' completed successfully.");
        assertTrue(XorrisoOutput.saysCompleted(ok));
        List<String> bad = List.of("Beginning to write data track.",
                "libburn : SORRY : Failed to open device (a pseudo-drive) : Is a directory",
                "xorriso : FAILURE : libburn indicates failure with writing.",
                "xorriso : aborting : -abort_on 'FAILURE' encountered 'FAILURE'");
        assertFalse(XorrisoOutput.saysCompleted(bad));
        assertEquals("Failed to open device (a pseudo-drive) : Is a directory; libburn indicates failure with writing.",
                XorrisoOutput.problems(bad));
    }
}
