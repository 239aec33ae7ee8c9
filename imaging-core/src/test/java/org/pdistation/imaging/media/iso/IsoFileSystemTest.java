package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.BulkDataLoader;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.FileIdResolver;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetScanner;
import org.pdistation.imaging.media.FileSetSummary;
import org.pdistation.imaging.testing.Peers;

class IsoFileSystemTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path image;

    @BeforeAll
    static void writeImage() throws IOException {
        source = IsoFixture.fileSet(tmp.resolve("src"));
        image = tmp.resolve("pdi.iso");
        new IsoWriter().write(source, image, IsoFixture.options(true), null);
    }

    @Test
    void readsOurImageByteIdenticallyThroughJolietAndPrimaryTrees() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            assertTrue(fs.joliet());
            assertEquals(IsoFixture.FILE_SET_ID, fs.volumeId());
            IsoFixture.assertSameTree(source, fs.root());
        }
        Path plain = tmp.resolve("plain.iso");
        new IsoWriter().write(source, plain, IsoFixture.options(false), null);
        try (IsoFileSystem fs = IsoFileSystems.open(plain)) {
            assertFalse(fs.joliet());
            IsoFixture.assertSameTree(source, fs.root());
        }
    }

    @Test
    void readsImagesMadeByXorrisoByteIdentically() throws Exception {
        Path xorriso = Peers.require("xorriso");
        List<List<String>> variants = List.of(List.of("-J"), List.of("-r", "-J"), List.of("-iso-level", "1"),
                List.of("-r"));
        for (List<String> v : variants) {
            Path out = tmp.resolve("xorriso" + String.join("", v) + ".iso");
            List<String> cmd = new ArrayList<>(List.of(xorriso.toString(), "-as", "mkisofs", "-quiet"));
            cmd.addAll(v);
            cmd.addAll(List.of("-V", "XVOL", "-o", out.toString(), source.toString()));
            Peers.run(Duration.ofSeconds(60), cmd.toArray(String[]::new)).requireSuccess();
            try (IsoFileSystem fs = IsoFileSystems.open(out)) {
                assertEquals(v.contains("-J"), fs.joliet(), v.toString());
                assertEquals("XVOL", fs.volumeId(), v.toString());
                IsoFixture.assertSameTree(source, fs.root());
            }
        }
    }

    @Test
    void fileSetOpenerGivesTheSameSummaryAsOnTheFolder() throws IOException {
        FileSetSummary folder = FileSetOpener.open(source).summary();
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            FileSetSummary iso = FileSetOpener.open(fs.root()).summary();
            assertEquals(folder, iso);
            assertEquals(10, iso.instances());
            assertEquals(folder.series(), FileSetSummary.of(DicomDirReader.read(fs.getPath("/DICOMDIR"))).series());
            assertEquals(FileSetScanner.scan(source).instances().size(),
                    FileSetScanner.scan(fs.root()).instances().size());
            FileIdResolver.Resolution r = new FileIdResolver(fs.root())
                    .resolve(List.of("DICOM", "ST000001", "SE000001", "IM000001"));
            assertFalse(r.isRefused());
            assertEquals(fs.getPath("/DICOM/ST000001/SE000001/IM000001"), r.file());
        }
    }

    @Test
    void dicomReaderAndImageFramesReadFilesInsideTheImage() throws Exception {
        Path disk = source.resolve("DICOM/ST000001/SE000002/IM000003");
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            Path inIso = fs.getPath("/DICOM/ST000001/SE000002/IM000003");
            DicomFile a = DicomReader.read(disk, ReadOptions.BULK_BY_REFERENCE);
            DicomFile b = DicomReader.read(inIso, ReadOptions.BULK_BY_REFERENCE);
            assertEquals(a.dataset().getString(Tag.SOPInstanceUID), b.dataset().getString(Tag.SOPInstanceUID));
            assertEquals(a.pixelDataOffset(), b.pixelDataOffset());
            Object pa = a.dataset().get(Tag.PixelData);
            Object pb = b.dataset().get(Tag.PixelData);
            assertTrue(pb instanceof BulkData, "pixel data by reference inside the image");
            assertArrayEquals(BulkDataLoader.load((BulkData) pa), BulkDataLoader.load((BulkData) pb));
            try (ImageFrames fa = ImageFrames.open(disk); ImageFrames fb = ImageFrames.open(inIso)) {
                FrameBuffer ba = new FrameBuffer();
                FrameBuffer bb = new FrameBuffer();
                fa.readFrame(0, ba);
                fb.readFrame(0, bb);
                assertArrayEquals(Arrays.copyOf(ba.shorts(), ba.sampleCount()),
                        Arrays.copyOf(bb.shorts(), bb.sampleCount()));
            }
        }
    }

    @Test
    void channelsSeekAndStreamsRead() throws IOException {
        byte[] odd = Files.readAllBytes(source.resolve("IHE_PDI/ODD.BIN"));
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            Path p = fs.getPath("/IHE_PDI/ODD.BIN");
            try (SeekableByteChannel ch = Files.newByteChannel(p)) {
                assertEquals(odd.length, ch.size());
                ByteBuffer b = ByteBuffer.allocate(100);
                ch.position(odd.length - 50);
                assertEquals(50, ch.read(b));
                assertArrayEquals(Arrays.copyOfRange(odd, odd.length - 50, odd.length),
                        Arrays.copyOf(b.array(), 50));
                assertEquals(-1, ch.read(b.clear()));
                ch.position(2040);
                ch.read(b.clear());
                assertEquals(odd[2040], b.get(0));
            }
            try (InputStream in = Files.newInputStream(p)) {
                assertArrayEquals(odd, in.readAllBytes());
            }
            assertEquals(0, Files.size(fs.getPath("/IHE_PDI/EMPTY.TXT")));
        }
    }

    @Test
    void pathsAndAttributesBehaveLikeTheDefaultFileSystem() throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(image)) {
            Path root = fs.root();
            Path f = root.resolve("DICOM").resolve("ST000001/SE000001/IM000001");
            assertEquals("/DICOM/ST000001/SE000001/IM000001", f.toString());
            assertEquals("IM000001", f.getFileName().toString());
            assertEquals(fs.getPath("/DICOM/ST000001/SE000001"), f.getParent());
            assertEquals(root, fs.getPath("/DICOM").getParent());
            assertNull(root.getParent());
            assertEquals(fs.getPath("ST000001/SE000001/IM000001"), fs.getPath("/DICOM").relativize(f));
            assertEquals(fs.getPath("../../README.TXT"), fs.getPath("/DICOM/ST000001").relativize(
                    fs.getPath("/README.TXT")));
            assertEquals(fs.getPath("/README.TXT"), fs.getPath("/DICOM/./../README.TXT").normalize());
            assertTrue(f.startsWith(fs.getPath("/DICOM")));
            assertFalse(f.startsWith(fs.getPath("/DIC")));
            assertTrue(f.endsWith(fs.getPath("SE000001/IM000001")));
            assertEquals(f, f.toRealPath());
            assertTrue(Files.isDirectory(fs.getPath("/IHE_PDI")));
            assertTrue(Files.isRegularFile(fs.getPath("/README.TXT")));
            assertTrue(Files.exists(fs.getPath("/readme.txt")), "primary trees are upper-case; lookups forgive case");
            assertFalse(Files.exists(fs.getPath("/NOPE")));
            assertThrows(NoSuchFileException.class, () -> fs.getPath("/NOPE").toRealPath());
            BasicFileAttributes a = Files.readAttributes(fs.getPath("/README.TXT"), BasicFileAttributes.class);
            assertEquals(Files.size(source.resolve("README.TXT")), a.size());
            assertEquals(IsoFixture.CREATED, a.lastModifiedTime().toInstant());
            List<String> top = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                for (Path p : ds) top.add(p.getFileName().toString());
            }
            top.sort(null);
            assertEquals(List.of("DICOM", "DICOMDIR", "IHE_PDI", "INDEX.HTM", "README.TXT"), top);
            assertTrue(fs.getPathMatcher("glob:/DICOM/**").matches(f));
            assertFalse(Files.isWritable(f));
        }
    }

    @Test
    void writingIsRefusedAndAClosedImageIsClosed() throws IOException {
        IsoFileSystem fs = IsoFileSystems.open(image);
        Path f = fs.getPath("/README.TXT");
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.newByteChannel(f, StandardOpenOption.WRITE));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.delete(f));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.createDirectory(fs.getPath("/NEW")));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.writeString(fs.getPath("/NEW.TXT"), "x"));
        assertTrue(fs.isReadOnly());
        fs.close();
        assertFalse(fs.isOpen());
        assertThrows(ClosedFileSystemException.class, () -> Files.size(f));
    }
}
