package org.pdistation.creator.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.imaging.media.iso.IsoFileSystems;

/** DVD and BD images carry a UDF bridge; CD images stay ISO 9660 + Joliet only. */
class IsoTargetUdfTest {
    @TempDir
    Path tmp;

    @Test
    void onlyDvdAndBdMediaAskForTheUdfBridge() {
        assertFalse(MediumSize.CD.udfBridge());
        assertFalse(MediumSize.usb(1L << 40).udfBridge());
        assertTrue(MediumSize.DVD.udfBridge());
        assertTrue(MediumSize.DVD_DL.udfBridge());
        assertTrue(MediumSize.BD.udfBridge());
    }

    @Test
    void dvdImageHasAUdfBridgeAndReadsBack() throws IOException {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Files.writeString(staging.resolve("README.TXT"), "hello\r\n");
        Path dvd = tmp.resolve("dvd.iso");
        Path cd = tmp.resolve("cd.iso");
        try (WrittenMedium m = new IsoTarget(dvd, false, MediumSize.DVD.udfBridge()).write(staging, "UDFTEST",
                (step, done, total) -> { })) {
            assertEquals("hello\r\n", Files.readString(m.root().resolve("README.TXT")));
        }
        try (WrittenMedium m = new IsoTarget(cd, false, MediumSize.CD.udfBridge()).write(staging, "UDFTEST",
                (step, done, total) -> { })) {
            assertEquals("hello\r\n", Files.readString(m.root().resolve("README.TXT")));
        }
        assertTrue(IsoFileSystems.hasUdfRecognition(dvd));
        assertFalse(IsoFileSystems.hasUdfRecognition(cd));
    }
}
