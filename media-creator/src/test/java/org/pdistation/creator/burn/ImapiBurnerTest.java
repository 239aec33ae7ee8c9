package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The Windows path without Windows: the script resource, the arguments it gets, and the records it prints (samples
 * written after the IMAPI2 reference: IDiscFormat2Data, IMAPI_FORMAT2_DATA_MEDIA_STATE, IMAPI_MEDIA_PHYSICAL_TYPE,
 * IDiscFormat2DataEventArgs).
 */
class ImapiBurnerTest {

    @Test
    void theScriptIsShippedAndTakesValuesOnlyAsParameters() throws IOException {
        try (InputStream in = ImapiBurner.class.getResourceAsStream(ImapiBurner.SCRIPT_RESOURCE)) {
            assertNotNull(in, "imapi2-burn.ps1 on the class path");
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.contains("IMAPI2.MsftDiscMaster2"));
            assertTrue(script.contains("IMAPI2.MsftDiscRecorder2"));
            assertTrue(script.contains("IMAPI2.MsftDiscFormat2Data"));
            assertTrue(script.contains("Register-ObjectEvent"));
            assertTrue(script.contains("[string]$Image"));
            assertFalse(script.contains("Invoke-Expression"), "no generated code is ever evaluated");
        }
    }

    @Test
    void burnArgumentsCarryPathsWithSpacesAsSingleArguments() throws BurnException {
        Drive drive = new Drive("{f9b5a8a9-1111-2222-3333-444455556666}\\\\?\\scsi#cdrom", "HL-DT-ST", "DVDRAM",
                "E:\\");
        List<String> args = ImapiBurner.burnArguments(Path.of("/tmp/Patient discs/CD 1.iso"), drive,
                BurnOptions.DEFAULT.withSpeed(16).withEject(true));
        assertEquals(List.of("-Action", "burn", "-Recorder", drive.id(), "-Image", "/tmp/Patient discs/CD 1.iso",
                "-Speed", "16", "-Eject", "-Verify"), args);
        assertThrows(BurnException.class, () -> ImapiBurner.safe("C:\\a\"b.iso"));
        assertThrows(BurnException.class, () -> ImapiBurner.safe("x\ny"));
    }

    @Test
    void parsesDriveRecords() {
        List<String> out = List.of("DRIVE\t{id-1}\tHL-DT-ST\tBD-RE  WH16NS40\tE:\\",
                "DRIVE\t{id-2}\tASUS\tDRW-24D5MT\tF:\\;C:\\mnt\\dvd\\", "DONE");
        assertEquals(List.of(new Drive("{id-1}", "HL-DT-ST", "BD-RE  WH16NS40", "E:\\"),
                new Drive("{id-2}", "ASUS", "DRW-24D5MT", "F:\\;C:\\mnt\\dvd\\")), ImapiOutput.parseDrives(out));
        assertTrue(ImapiOutput.parseDrives(List.of("DONE")).isEmpty());
    }

    @Test
    void mapsImapiMediaStateBitsAndPhysicalTypes() {
        // BLANK (0x2) | APPENDABLE (0x4) on a DVD+R (6), 2295104 free sectors
        assertEquals(new MediaStatus(MediaState.BLANK, 2295104L * 2048, "DVD+R"),
                ImapiOutput.parseMedia(List.of("MEDIA\t6\t6\t2295104\t1", "DONE")).orElseThrow());
        // APPENDABLE | NON_EMPTY_SESSION (0x1000) on a CD-R (2)
        assertEquals(MediaState.APPENDABLE,
                ImapiOutput.parseMedia(List.of("MEDIA\t4100\t2\t100000\t1")).orElseThrow().state());
        // FINALIZED (0x4000) | NON_EMPTY_SESSION on a BD-R (18)
        assertEquals(new MediaStatus(MediaState.CLOSED, 0, "BD-R"),
                ImapiOutput.parseMedia(List.of("MEDIA\t20480\t18\t0\t1")).orElseThrow());
        // no medium or an unsupported one
        assertEquals(MediaState.NONE, ImapiOutput.parseMedia(List.of("MEDIA\t0\t0\t-1\t0")).orElseThrow().state());
        assertEquals(MediaState.NONE, ImapiOutput.mediaStatus(0x8000, 1, 0, true).state());
        assertEquals(Optional.empty(), ImapiOutput.parseMedia(List.of("MEDIA\tx\t1\t2\t1")));
    }

    @Test
    void parsesUpdateEventProgressAndErrors() {
        assertEquals(Optional.of(new BurnProgress(500, 1000, BurnPhase.WRITING)),
                ImapiOutput.parseProgress("PROGRESS\t4\t5000\t10000", 1000));
        assertEquals(BurnPhase.PREPARING, ImapiOutput.parseProgress("PROGRESS\t3\t0\t10000", 1000).orElseThrow()
                .phase());
        assertEquals(new BurnProgress(1000, 1000, BurnPhase.FINISHING),
                ImapiOutput.parseProgress("PROGRESS\t6\t0\t0", 1000).orElseThrow());
        assertEquals(BurnPhase.VERIFYING, ImapiOutput.parseProgress("PROGRESS\t7\t10\t100", 1000).orElseThrow()
                .phase());
        assertEquals(Optional.empty(), ImapiOutput.parseProgress("DRIVE\tx", 1000));
        List<String> failed = List.of("ERROR\t0xC0AA0202\tThe media is not blank.");
        assertEquals(Optional.of("The media is not blank. (HRESULT 0xC0AA0202)"), ImapiOutput.error(failed));
        assertFalse(ImapiOutput.done(failed));
    }

    @Test
    void simulationIsRefusedBeforeAnythingRuns() {
        BurnException e = assertThrows(BurnException.class, () -> new ImapiBurner().burn(Path.of("/tmp/x.iso"),
                Drive.of("{id}"), BurnOptions.DEFAULT.withSimulate(true), p -> { }, Cancellation.none()));
        assertTrue(e.getMessage().contains("simulation"), e.getMessage());
    }
}
