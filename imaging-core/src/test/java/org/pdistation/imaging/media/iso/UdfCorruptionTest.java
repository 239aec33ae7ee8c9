package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged UDF images: the bad descriptor is named with its sector, the rest of the image is read, nothing hangs. */
class UdfCorruptionTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path clean;
    private static int copies;

    @BeforeAll
    static void writeImage() throws IOException {
        source = IsoFixture.fileSet(tmp.resolve("src"));
        Path bridge = tmp.resolve("bridge.iso");
        new IsoWriter().write(source, bridge, IsoFixture.options(true).withUdf(true), IsoWriter.Progress.NONE);
        clean = UdfImages.udfOnly(bridge, tmp.resolve("clean.img"));
    }

    private static Path copy() throws IOException {
        return Files.copy(clean, tmp.resolve("damaged-" + (++copies) + ".img"));
    }

    /** Opens within 10 s (a loop must not hang) and returns the problems; checks DICOMDIR still reads. */
    private static List<String> problems(Path img, String... missing) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (IsoFileSystem fs = IsoFileSystems.open(img)) {
                assertEquals(ImageFormat.UDF, fs.format());
                assertTrue(Files.size(fs.root().resolve("DICOMDIR")) > 0);
                for (String m : missing) assertFalse(Files.exists(fs.root().resolve(m)), m);
                return fs.problems();
            }
        });
    }

    private static boolean mentions(List<String> problems, String... parts) {
        return problems.stream().anyMatch(p -> List.of(parts).stream().allMatch(p::contains));
    }

    @Test
    void badFileEntryChecksumSkipsThatFileAndNamesItsSector() throws IOException {
        Path img = copy();
        long sector = UdfImages.entrySector(img, "README.TXT");
        byte[] fe = UdfImages.read(img, sector * 2048, 16);
        fe[4] ^= 0x5A;
        UdfImages.patch(img, sector * 2048, fe);
        List<String> p = problems(img, "README.TXT");
        assertTrue(mentions(p, "sector " + sector, "README.TXT", "tag checksum"), p.toString());
    }

    @Test
    void directoryPointingAtItsAncestorIsReportedAsALoop() throws IOException {
        Path img = copy();
        long at = UdfImages.rootFid(img, "IHE_PDI");
        byte[] fid = UdfImages.read(img, at, 48);
        UdfBytes.le32(fid, 24, 2); // the root's File Entry
        int len = UdfLayout.fidLength(fid[19] & 0xFF);
        UdfBytes.tag(fid, 0, UdfBytes.FID, UdfBytes.u32(fid, 12), len);
        UdfImages.patch(img, at, fid);
        List<String> p = problems(img);
        assertTrue(mentions(p, "/IHE_PDI/", "directory loop"), p.toString());
    }

    @Test
    void hugeInformationLengthIsRefusedNotBelieved() throws IOException {
        Path img = copy();
        long sector = UdfImages.entrySector(img, "INDEX.HTM");
        byte[] fe = UdfImages.read(img, sector * 2048, 2048);
        UdfBytes.le64(fe, 56, 1L << 62);
        UdfBytes.tag(fe, 0, UdfBytes.FE, UdfBytes.u32(fe, 12), 176 + (int) UdfBytes.u32(fe, 172));
        UdfImages.patch(img, sector * 2048, fe);
        List<String> p = problems(img, "INDEX.HTM");
        assertTrue(mentions(p, "sector " + sector, "information length"), p.toString());
    }

    @Test
    void allocationDescriptorLengthBeyondTheBlockIsRefused() throws IOException {
        Path img = copy();
        long sector = UdfImages.entrySector(img, "DICOM");
        byte[] fe = UdfImages.read(img, sector * 2048, 2048);
        UdfBytes.le32(fe, 172, 0xFFFF_FFF0L);
        UdfBytes.tag(fe, 0, UdfBytes.FE, UdfBytes.u32(fe, 12), 176 + 8);
        UdfImages.patch(img, sector * 2048, fe);
        List<String> p = problems(img, "DICOM");
        assertTrue(mentions(p, "sector " + sector, "overrun"), p.toString());
    }

    @Test
    void badAnchorAt256FallsBackToTheLastSector() throws IOException {
        Path img = copy();
        byte[] avdp = UdfImages.read(img, 256L * 2048, 16);
        avdp[4] ^= 1;
        UdfImages.patch(img, 256L * 2048, avdp);
        List<String> p = problems(img);
        assertTrue(mentions(p, "sector 256", "tag checksum"), p.toString());
        try (IsoFileSystem fs = IsoFileSystems.open(img)) {
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void badCrcOfTheMainLogicalVolumeDescriptorFallsBackToTheReserveSequence() throws IOException {
        Path img = copy();
        long sector = UdfLayout.MAIN_VDS + 3;
        UdfImages.patch(img, sector * 2048 + 300, new byte[] {0x42});
        List<String> p = problems(img);
        assertTrue(mentions(p, "sector " + sector, "descriptor CRC"), p.toString());
        assertTrue(mentions(p, "using the reserve"), p.toString());
        try (IsoFileSystem fs = IsoFileSystems.open(img)) {
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void imageCutShortReportsTheFilesItLost() throws IOException {
        Path img = copy();
        long keep = Files.size(img) - 5 * 2048 - 100; // the last anchor and the end of the last file
        try (var ch = java.nio.channels.FileChannel.open(img, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
        // the anchor at 256 still leads to the descriptors; extents past the end are reported, not read
        List<String> p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (IsoFileSystem fs = IsoFileSystems.open(img)) {
                return fs.problems();
            }
        });
        assertTrue(mentions(p, "past the image end"), p.toString());
    }
}
