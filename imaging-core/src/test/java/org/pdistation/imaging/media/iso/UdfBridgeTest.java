package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.testing.Peers;

/** The UDF 1.02 bridge: written beside ISO 9660 + Joliet over shared file data, read by us and by peers. */
class UdfBridgeTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path bridge;
    static Path udfOnly;

    @BeforeAll
    static void writeImages() throws IOException {
        source = IsoFixture.fileSet(tmp.resolve("src"));
        bridge = tmp.resolve("bridge.iso");
        new IsoWriter().write(source, bridge, IsoFixture.options(true).withUdf(true), IsoWriter.Progress.NONE);
        udfOnly = UdfImages.udfOnly(bridge, tmp.resolve("udf-only.img"));
    }

    @Test
    void crcIsTheEcma167Example() {
        // ECMA-167 1/7.2.6: the CRC of the bytes 70 6A 77 is 3299 (hexadecimal)
        assertEquals(0x3299, UdfBytes.crc(new byte[] {0x70, 0x6A, 0x77}, 0, 3));
    }

    @Test
    void cs0NamesRoundTripInEightAndSixteenBits() {
        assertEquals(8, UdfBytes.cs0("DICOMDIR")[0]);
        assertEquals("DICOMDIR", UdfBytes.readCs0(UdfBytes.cs0("DICOMDIR"), 0, 9));
        byte[] wide = UdfBytes.cs0("山田 太郎.txt");
        assertEquals(16, wide[0]);
        assertEquals("山田 太郎.txt", UdfBytes.readCs0(wide, 0, wide.length));
    }

    @Test
    void bridgeImageStillOpensThroughJolietWithEveryFile() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(bridge)) {
            assertEquals(ImageFormat.JOLIET, fs.format());
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void udfTreeListsAndReadsEveryFileByteIdentical() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(udfOnly)) {
            assertEquals(ImageFormat.UDF, fs.format());
            assertEquals(IsoFixture.FILE_SET_ID, fs.volumeId());
            assertEquals(List.of(), fs.problems());
            IsoFixture.assertSameTree(source, fs.root());
            assertEquals(IsoFixture.CREATED, Files.getLastModifiedTime(fs.root().resolve("DICOMDIR")).toInstant());
        }
    }

    @Test
    void openedMediumRecognisesAUdfOnlyImage() throws IOException {
        assertTrue(OpenedMedium.isIsoImage(udfOnly));
        try (OpenedMedium m = OpenedMedium.open(udfOnly)) {
            assertTrue(m.image());
            assertTrue(Files.size(m.root().resolve("DICOMDIR")) > 0);
        }
    }

    @Test
    void bridgeWithBrokenIso9660SideIsReadThroughUdf() throws IOException {
        Path broken = Files.copy(bridge, tmp.resolve("broken-iso.iso"));
        // ECMA-119 8.4.12: a logical block size of 512 makes our ISO 9660 reader refuse the primary descriptor
        UdfImages.patch(broken, 16L * 2048 + 128, new byte[] {0, 2, 2, 0});
        UdfImages.patch(broken, 17L * 2048 + 128, new byte[] {0, 2, 2, 0});
        try (IsoFileSystem fs = IsoFileSystems.open(broken)) {
            assertEquals(ImageFormat.UDF, fs.format());
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void udfinfoAcceptsTheBridge() throws Exception {
        Path udfinfo = Peers.require("udfinfo");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), udfinfo.toString(), bridge.toString()).requireSuccess();
        assertTrue(r.stdout().contains("udfrev=1.02"), r.stdout());
        assertTrue(r.stdout().contains("integrity=closed"), r.stdout());
        assertTrue(r.stdout().contains("blocksize=2048"), r.stdout());
        assertTrue(r.stdout().contains("numfiles=" + IsoFixture.files(source).size()), r.stdout());
    }

    @Test
    void sevenZipListsAndExtractsTheUdfSideByteIdentical() throws Exception {
        Path sevenZip = Peers.require("7z");
        for (Path img : List.of(bridge, udfOnly)) {
            Path out = tmp.resolve("7z-" + img.getFileName());
            Peers.run(Duration.ofSeconds(60), sevenZip.toString(), "x", "-tudf", "-y", "-o" + out,
                    img.toString()).requireSuccess();
            IsoFixture.assertSameTree(source, out);
        }
    }

    @Test
    void xorrisoStillListsTheIso9660Side() throws Exception {
        Path xorriso = Peers.require("xorriso");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), xorriso.toString(), "-indev", bridge.toString(),
                "-find", "/", "-type", "f").requireSuccess();
        List<String> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("'/")) out.add(line.substring(2, line.length() - 1));
        }
        out.sort(null);
        assertEquals(IsoFixture.files(source), out);
    }

    @Test
    void emptyMkudffsImageOpensWithAnEmptyRoot() throws Exception {
        Path mkudffs = Peers.require("mkudffs");
        Path img = tmp.resolve("mkudffs-201.img");
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(1), 8L << 20);
        }
        Peers.run(Duration.ofSeconds(60), mkudffs.toString(), "--media-type=hd", "--blocksize=2048",
                "--udfrev=2.01", "--label=PEERUDF", img.toString()).requireSuccess();
        try (IsoFileSystem fs = IsoFileSystems.open(img)) {
            assertEquals(ImageFormat.UDF, fs.format());
            assertEquals("PEERUDF", fs.volumeId());
            try (var s = Files.list(fs.root())) {
                assertEquals(0, s.filter(p -> !p.getFileName().toString().equals("lost+found")).count());
            }
        }
    }

    @Test
    void udf250MetadataPartitionMapIsReportedAsUnsupported() throws IOException {
        // mkudffs cannot make UDF 2.50 on a file; turn the type 1 map of a UDF-only image into a type 2
        // "*UDF Metadata Partition" map (UDF 2.50 2.2.10) in both sequences
        Path img = UdfImages.udfOnly(bridge, tmp.resolve("metadata-map.img"));
        for (long sector : new long[] {UdfLayout.MAIN_VDS + 3, UdfLayout.RESERVE_VDS + 3}) {
            byte[] lvd = UdfImages.read(img, sector * 2048, 2048);
            UdfBytes.le32(lvd, 264, 64);
            lvd[440] = 2;
            lvd[441] = 64;
            UdfBytes.regid(lvd, 444, "*UDF Metadata Partition", UdfBytes.udfSuffix());
            UdfBytes.tag(lvd, 0, UdfBytes.LVD, sector, 440 + 64);
            UdfImages.patch(img, sector * 2048, lvd);
        }
        IOException e = assertThrows(IOException.class, () -> IsoFileSystems.open(img).close());
        assertTrue(e.getMessage().contains("partition map type is not supported"), e.getMessage());
    }
}
