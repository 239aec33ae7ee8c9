package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pdistation.imaging.media.iso.SourceTree.Node;

/**
 * Writes a folder as an ISO 9660 image (ECMA-119, Level 1 identifiers, optional Joliet tree, optional UDF 1.02
 * bridge over the same file data: {@link UdfLayout}) in pure Java, so that
 * a clerk needs no external burning tool to make an image. File contents are streamed from the source into the
 * image channel, never held in memory. The image is written to {@code isoFile + ".part"} and renamed at the end, so a
 * failed run leaves no complete-looking image.
 */
public final class IsoWriter {
    /** Told how many bytes of the image are written so far. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void update(long bytesWritten, long bytesTotal);
    }

    private static final int PROGRESS_STEP = 8 << 20;

    private final UnaryOperator<WritableByteChannel> channelWrapper;

    public IsoWriter() {
        this(UnaryOperator.identity());
    }

    /** For tests: wraps the image channel, e.g. to make it fail as a full disk would. */
    IsoWriter(UnaryOperator<WritableByteChannel> channelWrapper) {
        this.channelWrapper = channelWrapper;
    }

    /** Writes {@code sourceRoot} as {@code isoFile}; returns the image size in bytes. */
    public long write(Path sourceRoot, Path isoFile, IsoOptions options, Progress progress) throws IOException {
        SourceTree tree = SourceTree.scan(sourceRoot, options.joliet(), options.longNameFolders());
        IsoLayout layout = new IsoLayout(tree, options.joliet(), options.udf());
        UdfEncoder udf = options.udf() ? new UdfEncoder(layout, options) : null;
        IsoEncoder enc = new IsoEncoder(layout, options);
        long total = layout.totalSectors * IsoBytes.SECTOR;
        Path part = isoFile.resolveSibling(isoFile.getFileName() + ".part");
        boolean done = false;
        try {
            try (FileChannel file = FileChannel.open(part, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), ownerOnly(part))) {
                Sink sink = new Sink(channelWrapper.apply(file), total, progress == null ? Progress.NONE : progress);
                sink.put(new byte[16 * IsoBytes.SECTOR]); // ECMA-119 6.2.1: the system area, zeros
                sink.put(enc.volumeDescriptor(false));
                if (options.joliet()) sink.put(enc.volumeDescriptor(true));
                sink.put(IsoEncoder.terminator());
                if (udf != null) {
                    sink.put(UdfEncoder.recognitionSequence());
                    sink.zerosTo(UdfLayout.MAIN_VDS);
                    sink.put(udf.volumeDescriptorSequence(UdfLayout.MAIN_VDS));
                    sink.put(udf.volumeDescriptorSequence(UdfLayout.RESERVE_VDS));
                    sink.put(udf.integritySequence());
                    sink.zerosTo(UdfLayout.ANCHOR);
                    sink.put(UdfEncoder.anchor(UdfLayout.ANCHOR));
                }
                sink.put(enc.pathTable(false, false));
                sink.put(enc.pathTable(false, true));
                if (options.joliet()) {
                    sink.put(enc.pathTable(true, false));
                    sink.put(enc.pathTable(true, true));
                }
                for (Node d : layout.primaryDirs) sink.put(enc.directory(d, false));
                for (Node d : layout.jolietDirs) sink.put(enc.directory(d, true));
                if (udf != null) {
                    sink.put(udf.fileSet());
                    for (Node d : tree.directories) sink.put(udf.directory(d));
                    for (Node f : tree.files) sink.put(udf.file(f));
                }
                for (Node f : tree.files) sink.copy(f);
                if (udf != null) sink.put(UdfEncoder.anchor(layout.udf.lastAnchor));
                if (sink.written != total) {
                    throw new IOException(isoFile + ": wrote " + sink.written + " bytes, laid out " + total);
                }
                file.force(false);
            }
            Files.move(part, isoFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return total;
        } catch (IOException e) {
            throw new IOException(isoFile + ": image not written: " + e.getMessage(), e);
        } finally {
            if (!done) Files.deleteIfExists(part);
        }
    }

    /** The image holds patient data: readable by the owner only where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** The image channel, counting bytes and reporting progress. */
    private static final class Sink {
        private final WritableByteChannel out;
        private final long total;
        private final Progress progress;
        long written;
        private long reported;

        Sink(WritableByteChannel out, long total, Progress progress) {
            this.out = out;
            this.total = total;
            this.progress = progress;
        }

        void put(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) out.write(b);
            advance(bytes.length);
        }

        /** Zeros up to the start of {@code sector}. */
        void zerosTo(long sector) throws IOException {
            long gap = sector * IsoBytes.SECTOR - written;
            if (gap < 0) throw new IOException("layout error: already past sector " + sector);
            put(new byte[(int) gap]);
        }

        /** Streams one file and pads it to a whole sector (ECMA-119 6.4.5). */
        void copy(Node f) throws IOException {
            if (f.size == 0) return;
            try (FileChannel in = FileChannel.open(f.source, StandardOpenOption.READ)) {
                long pos = 0;
                while (pos < f.size) {
                    long n = in.transferTo(pos, Math.min(f.size - pos, PROGRESS_STEP), out);
                    if (n <= 0) {
                        throw new IOException(f.source + ": file ends at " + pos + " of the " + f.size
                                + " bytes it had when the image was laid out");
                    }
                    pos += n;
                    advance(n);
                }
            }
            int tail = (int) (f.size % IsoBytes.SECTOR);
            if (tail != 0) put(new byte[IsoBytes.SECTOR - tail]);
        }

        private void advance(long n) {
            written += n;
            if (written - reported >= PROGRESS_STEP || written == total) {
                reported = written;
                progress.update(written, total);
            }
        }
    }
}
