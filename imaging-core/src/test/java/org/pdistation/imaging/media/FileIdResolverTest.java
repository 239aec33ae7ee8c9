package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIdResolverTest {
    @TempDir
    Path tmp;

    @Test
    void matchesNamesCaseInsensitively() throws IOException {
        Files.createDirectories(tmp.resolve("dicom/p1"));
        Files.writeString(tmp.resolve("dicom/p1/im0001"), "x");
        FileIdResolver.Resolution r = new FileIdResolver(tmp).resolve(List.of("DICOM", "P1", "IM0001"));
        assertEquals(tmp.resolve("dicom/p1/im0001"), r.file());
    }

    @Test
    void triesTrailingDotVersionAndDcmVariants() throws IOException {
        Files.createDirectories(tmp.resolve("DICOM"));
        Files.writeString(tmp.resolve("DICOM/IM1."), "x");
        Files.writeString(tmp.resolve("DICOM/IM2;1"), "x");
        Files.writeString(tmp.resolve("DICOM/im3.dcm"), "x");
        FileIdResolver res = new FileIdResolver(tmp);
        assertEquals(tmp.resolve("DICOM/IM1."), res.resolve(List.of("DICOM", "IM1")).file());
        assertEquals(tmp.resolve("DICOM/IM2;1"), res.resolve(List.of("DICOM", "IM2")).file());
        assertEquals(tmp.resolve("DICOM/im3.dcm"), res.resolve(List.of("DICOM", "IM3")).file());
        assertTrue(res.resolve(List.of("DICOM", "IM4")).missing());
    }

    @Test
    void refusesFileIdsThatEscapeTheRoot() throws IOException {
        FileIdResolver res = new FileIdResolver(tmp);
        for (List<String> id : List.<List<String>>of(List.of("..", "..", "etc", "passwd"), List.of("../../etc/passwd"),
                List.of("/etc/passwd"), List.of("C:\\x"), List.of("C:", "x"), List.of("A", "", "B"), List.of())) {
            assertTrue(res.resolve(id).isRefused(), id.toString());
        }
    }

    @Test
    void refusesLinksThatLeaveTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("outside"), "x");
        Files.createSymbolicLink(root.resolve("LINK"), tmp.resolve("outside"));
        assertTrue(new FileIdResolver(root).resolve(List.of("LINK")).isRefused());
    }

    @Test
    void knowsConformantFileIds() {
        assertTrue(FileIdResolver.isConformant(List.of("DICOM", "P0", "IM_1")));
        assertFalse(FileIdResolver.isConformant(List.of("dicom")));
        assertFalse(FileIdResolver.isConformant(List.of("TOOLONGNAME")));
        assertFalse(FileIdResolver.isConformant(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I")));
    }

    @Test
    void windowsDeviceNamesAreRefusedOnWindowsOnly() {
        for (String c : List.of("CON", "nul", "COM1", "LPT9", "AUX.DCM", "PRN")) {
            assertTrue(FileIdResolver.checkSafe(List.of("DICOM", c), true).isPresent(), c);
            assertFalse(FileIdResolver.checkSafe(List.of("DICOM", c), false).isPresent(), c);
        }
        for (String c : List.of("CONE", "NULL", "COM", "IM000001", "LPT")) {
            assertFalse(FileIdResolver.checkSafe(List.of("DICOM", c), true).isPresent(), c);
        }
    }
}
