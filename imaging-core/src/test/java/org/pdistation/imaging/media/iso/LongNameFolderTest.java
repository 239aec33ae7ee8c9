package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;

/**
 * A PDI file-set with a portable viewer below {@code VIEWER}: the viewer keeps its source names (long, lower-case,
 * deeper than 8 levels) and its execute permissions in the UDF tree, its names in the Joliet tree, and stays out of
 * the Level 1 tree, which keeps only conformant identifiers (the DICOM part unchanged).
 */
class LongNameFolderTest {
    private static final String BUILD = "VIEWER/pdistation-linux-x64";
    private static final String DEEP = BUILD + "/lib/runtime/conf/security/policy/limited/exempt_local.policy";
    private static final String JAVA = BUILD + "/lib/runtime/bin/java";
    private static final String LAUNCHER = BUILD + "/pdistation.sh";
    private static final String LONG = BUILD + "/lib/app/a-file-name-of-exactly-sixty-four-characters-for-joliet.jar-1234";

    @TempDir
    static Path tmp;
    static Path source;
    static Path image;

    @BeforeAll
    static void writeImage() throws IOException {
        source = IsoFixture.fileSet(tmp.resolve("src"));
        Files.createDirectories(source.resolve("VIEWER"));
        Files.writeString(source.resolve("VIEWER/LINUX.SH"), "#!/bin/sh\nexec ./pdistation-linux-x64/pdistation.sh\n");
        exec(source.resolve("VIEWER/LINUX.SH"));
        put(DEEP, "grant {};\n");
        put(JAVA, "#!/bin/sh\necho java\n");
        exec(source.resolve(JAVA));
        put(LAUNCHER, "#!/bin/sh\nexec lib/runtime/bin/java \"$@\"\n");
        exec(source.resolve(LAUNCHER));
        assertEquals(64, Path.of(LONG).getFileName().toString().length());
        put(LONG, "x".repeat(5000));
        put(BUILD + "/lib/Mixed Case Name.cfg", "[Application]\n");
        image = tmp.resolve("viewer.iso");
        new IsoWriter().write(source, image, options(), null);
    }

    private static IsoOptions options() {
        return IsoFixture.options(true).withUdf(true).withLongNamesUnder(Set.of("VIEWER"));
    }

    private static void put(String rel, String text) throws IOException {
        Path p = source.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void exec(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path at(Path root, String rel) {
        Path p = root;
        for (String part : rel.split("/")) p = p.resolve(part);
        return p;
    }

    @Test
    void udfTreeKeepsEverySourceNameAndByte() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.openUdf(image)) {
            assertEquals(ImageFormat.UDF, fs.format());
            assertEquals(List.of(), fs.problems());
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void udfRecordsExecuteWhereTheSourceIsExecutableAndNeverWrite() throws IOException {
        Set<PosixFilePermission> rx = PosixFilePermissions.fromString("r-xr-xr-x");
        Set<PosixFilePermission> r = PosixFilePermissions.fromString("r--r--r--");
        try (IsoFileSystem fs = IsoFileSystems.openUdf(image)) {
            assertEquals(Optional.of(rx), fs.posixPermissions(at(fs.root(), JAVA)));
            assertEquals(Optional.of(rx), fs.posixPermissions(at(fs.root(), LAUNCHER)));
            assertEquals(Optional.of(rx), fs.posixPermissions(at(fs.root(), "VIEWER/LINUX.SH")));
            assertEquals(Optional.of(rx), fs.posixPermissions(at(fs.root(), BUILD + "/lib/runtime")));
            assertEquals(Optional.of(r), fs.posixPermissions(at(fs.root(), DEEP)));
            assertEquals(Optional.of(r), fs.posixPermissions(at(fs.root(), "DICOMDIR")));
        }
    }

    @Test
    void udfKeepsEachFilesModificationTime() throws IOException {
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse("2025-03-04T05:06:07.123456Z"));
        Files.setLastModifiedTime(source.resolve(JAVA), t);
        Path img = tmp.resolve("times.iso");
        new IsoWriter().write(source, img, options(), null);
        try (IsoFileSystem fs = IsoFileSystems.openUdf(img)) {
            assertEquals(t, Files.getLastModifiedTime(at(fs.root(), JAVA)));
        }
    }

    @Test
    void jolietTreeKeepsTheViewersNamesAndTheDicomIds() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            assertEquals(ImageFormat.JOLIET, fs.format());
            IsoFixture.assertSameTree(source, fs.root());
            assertEquals(Optional.empty(), fs.posixPermissions(at(fs.root(), JAVA)));
        }
    }

    @Test
    void level1TreeHoldsTheDicomPartAndOnlyConformantViewerEntries() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String f : IsoFixture.files(source)) {
            if (!f.startsWith(BUILD + "/")) expected.add(f);
        }
        assertEquals(expected, xorrisoFiles("ecma119"));
    }

    @Test
    void xorrisoReadsTheWholeJolietTreeDeeperThanEightLevels() throws Exception {
        assertEquals(IsoFixture.files(source), xorrisoFiles("norock"));
    }

    /** The files xorriso lists, reading the image with {@code -read_fs mode} (ecma119: the Level 1 tree only). */
    private static List<String> xorrisoFiles(String mode) throws Exception {
        Path xorriso = Peers.require("xorriso");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), xorriso.toString(), "-read_fs", mode,
                "-indev", image.toString(), "-find", "/", "-type", "f").requireSuccess();
        List<String> listed = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("'/")) listed.add(line.substring(2, line.length() - 1));
        }
        listed.sort(null);
        return listed;
    }

    @Test
    void longNamesOutsideTheFolderAreStillRefused() throws IOException {
        Path src = tmp.resolve("bad");
        Files.createDirectories(src.resolve("VIEWER"));
        Files.writeString(src.resolve("VIEWER/long-name.txt"), "ok");
        Files.writeString(src.resolve("dicomdir"), "lower case");
        IOException e = assertThrows(IOException.class,
                () -> new IsoWriter().write(src, tmp.resolve("bad.iso"), options(), null));
        assertTrue(e.getMessage().contains("\"dicomdir\" is not an ISO 9660 Level 1 name"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bad.iso")));
    }

    @Test
    void withoutTheOptionTheViewerIsRefusedAsBefore() throws IOException {
        IOException e = assertThrows(IOException.class, () -> new IsoWriter().write(source,
                tmp.resolve("strict.iso"), IsoFixture.options(true).withUdf(true), null));
        assertTrue(e.getMessage().contains("pdistation-linux-x64"), e.getMessage());
    }

    @Test
    void aNameBeyondTheJolietLimitIsRefusedWithItsPath() throws IOException {
        Path src = tmp.resolve("toolong");
        Files.createDirectories(src.resolve("VIEWER"));
        Files.writeString(src.resolve("VIEWER/" + "n".repeat(65)), "x");
        IOException e = assertThrows(IOException.class,
                () -> new IsoWriter().write(src, tmp.resolve("toolong.iso"), options(), null));
        assertTrue(e.getMessage().contains("Joliet limit of 64"), e.getMessage());
    }

    @Test
    void sevenZipExtractsTheViewerWithItsNamesAndBytes() throws Exception {
        Path sevenZip = Peers.require("7z");
        Path out = tmp.resolve("7z");
        Peers.run(Duration.ofSeconds(60), sevenZip.toString(), "x", "-tudf", "-y", "-o" + out,
                image.toString()).requireSuccess();
        IsoFixture.assertSameTree(source, out);
        assertArrayEquals(Files.readAllBytes(source.resolve(LONG)), Files.readAllBytes(at(out, LONG)));
    }

    @Test
    void udfinfoAcceptsTheImage() throws Exception {
        Path udfinfo = Peers.require("udfinfo");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), udfinfo.toString(), image.toString()).requireSuccess();
        assertTrue(r.stdout().contains("integrity=closed"), r.stdout());
        assertTrue(r.stdout().contains("numfiles=" + IsoFixture.files(source).size()), r.stdout());
    }
}
