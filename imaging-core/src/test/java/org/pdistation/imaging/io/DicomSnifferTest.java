package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomSnifferTest {
    @TempDir
    Path dir;

    @Test
    void recognisesAPart10FileByItsPreamble() throws Exception {
        byte[] b = new byte[140];
        b[128] = 'D';
        b[129] = 'I';
        b[130] = 'C';
        b[131] = 'M';
        assertTrue(DicomSniffer.looksLikeDicom(Files.write(dir.resolve("a"), b)));
    }

    @Test
    void recognisesBareDataSetsInImplicitAndExplicitVr() throws Exception {
        // (0008,0005) CS, explicit VR: "CS" then a 2-byte length
        byte[] explicit = {0x08, 0, 0x05, 0, 'C', 'S', 10, 0, 'I', 'S', 'O', '_', 'I', 'R', ' ', '1', '0', '0'};
        assertTrue(DicomSniffer.looksLikeDicom(Files.write(dir.resolve("e"), explicit)));
        // (0008,0016) implicit VR with a 4-byte length of 26
        byte[] implicit = {0x08, 0, 0x16, 0, 26, 0, 0, 0, '1', '.', '2'};
        assertTrue(DicomSniffer.looksLikeDicom(Files.write(dir.resolve("i"), implicit)));
    }

    @Test
    void refusesOtherFilesShortFilesFoldersAndLinks() throws Exception {
        assertFalse(DicomSniffer.looksLikeDicom(Files.writeString(dir.resolve("t.txt"), "Hello, this is a README")));
        assertFalse(DicomSniffer.looksLikeDicom(Files.write(dir.resolve("s"), new byte[] {8, 0, 5})));
        assertFalse(DicomSniffer.looksLikeDicom(Files.createDirectory(dir.resolve("d"))));
        byte[] b = new byte[132];
        b[128] = 'D';
        b[129] = 'I';
        b[130] = 'C';
        b[131] = 'M';
        Path target = Files.write(dir.resolve("real"), b);
        assertFalse(DicomSniffer.looksLikeDicom(Files.createSymbolicLink(dir.resolve("link"), target)));
    }
}
