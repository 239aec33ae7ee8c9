package org.pdistation.imaging.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/**
 * Writes DICOM Part 10 files (PS3.10 7.1): 128-byte preamble, "DICM", the file meta group in Explicit VR Little
 * Endian with its group length, then the dataset in the chosen transfer syntax.
 *
 * <p>Files are written to a temporary file beside the target and moved into place, so that a crash never leaves a
 * half-written file under the final name; they are readable by the owner only where the file system allows.
 */
public final class DicomWriter {
    private DicomWriter() {}

    /** Writes {@code ds} as a Part 10 file; {@code fileMeta} may be null (one is made from the dataset). */
    public static void write(Path file, Dataset fileMeta, Dataset ds, TransferSyntax ts, WriteOptions options)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(dir); // as the file: owner-only where this creates it
        Path tmp = createPrivateTempFile(dir, file.getFileName().toString());
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(os, fileMeta, ds, ts, options);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path file, Dataset ds, TransferSyntax ts) throws IOException {
        write(file, null, ds, ts, WriteOptions.DEFAULT);
    }

    static Path createPrivateTempFile(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    /** Writes a Part 10 stream; the stream is not closed. */
    public static void write(OutputStream os, Dataset fileMeta, Dataset ds, TransferSyntax ts, WriteOptions options)
            throws IOException {
        Dataset meta = fileMeta(fileMeta, ds, ts);
        DicomOutput out = new DicomOutput(os);
        out.zeros(128);
        out.write('D');
        out.write('I');
        out.write('C');
        out.write('M');
        writeMeta(out, meta);
        if (ts.deflated()) {
            out.flush();
            writeDeflated(os, ds, ts, options, true);
        } else {
            new DatasetEncoder(ts, options).write(out, ds, true);
            out.flush();
        }
    }

    /** PS3.5 A.5: raw deflate (RFC 1951, no zlib header) of everything after the meta group. */
    private static void writeDeflated(OutputStream os, Dataset ds, TransferSyntax ts, WriteOptions options,
                                      boolean topLevel) throws IOException {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            NonClosing counted = new NonClosing(os);
            DeflaterOutputStream dos = new DeflaterOutputStream(counted, deflater, 1 << 16);
            DicomOutput body = new DicomOutput(dos);
            new DatasetEncoder(ts, options).write(body, ds, topLevel);
            body.flush();
            dos.finish();
            // PS3.5 A.5: an odd-length deflated bit stream gets a single trailing NULL byte.
            if ((counted.count & 1) != 0) {
                os.write(0);
            }
        } finally {
            deflater.end();
        }
    }

    /** Writes a bare dataset (no preamble, no meta), as sent over the network (PS3.7). */
    public static void writeDataset(OutputStream os, Dataset ds, TransferSyntax ts, WriteOptions options)
            throws IOException {
        if (ts.deflated()) {
            writeDeflated(os, ds, ts, options, false);
            return;
        }
        DicomOutput out = new DicomOutput(os);
        new DatasetEncoder(ts, options).write(out, ds, false);
        out.flush();
    }

    /**
     * The number of bytes {@code item}'s elements take when encoded (what an item of defined length declares), so
     * that a DICOMDIR writer can compute record offsets before writing.
     */
    public static long encodedLength(Dataset item, TransferSyntax ts, WriteOptions options) {
        return new DatasetEncoder(ts, options).length(item, false);
    }

    /** Bytes taken by preamble, "DICM" and the meta group of {@code meta} (as {@link #fileMeta} completes it). */
    public static long headerLength(Dataset meta) {
        return 132 + 12 + new DatasetEncoder(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                .length(withoutGroupLength(meta), false);
    }

    /**
     * The file meta to write: the given one (its Transfer Syntax UID set to {@code ts}) or a new one from the
     * dataset's SOP Class and Instance UIDs (PS3.10 7.1, Table 7.1-1).
     */
    public static Dataset fileMeta(Dataset given, Dataset ds, TransferSyntax ts) {
        Dataset meta = given != null ? withoutGroupLength(given) : new Dataset(false, 8);
        if (!meta.contains(Tag.FileMetaInformationVersion)) {
            meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        }
        if (!meta.contains(Tag.MediaStorageSOPClassUID) && ds.contains(Tag.SOPClassUID)) {
            meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, ds.getString(Tag.SOPClassUID));
        }
        if (!meta.contains(Tag.MediaStorageSOPInstanceUID) && ds.contains(Tag.SOPInstanceUID)) {
            meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, ds.getString(Tag.SOPInstanceUID));
        }
        meta.setString(Tag.TransferSyntaxUID, VR.UI, ts.uid());
        if (given == null || !meta.contains(Tag.ImplementationClassUID)) {
            meta.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
            meta.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
        }
        return meta;
    }

    private static Dataset withoutGroupLength(Dataset meta) {
        Dataset copy = meta.copy();
        copy.remove(Tag.FileMetaInformationGroupLength);
        return copy;
    }

    private static void writeMeta(DicomOutput out, Dataset meta) throws IOException {
        Dataset m = withoutGroupLength(meta);
        DatasetEncoder enc = new DatasetEncoder(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        long length = enc.length(m, false);
        out.tag(Tag.FileMetaInformationGroupLength, false);
        out.write('U');
        out.write('L');
        out.u16(4, false);
        out.u32(length, false);
        enc.write(out, m, false);
    }

    /** Keeps {@link DeflaterOutputStream#close()} from closing the caller's stream; counts what passes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        long count;

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
