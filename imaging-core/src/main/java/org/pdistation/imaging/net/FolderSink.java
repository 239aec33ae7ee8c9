package org.pdistation.imaging.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.Implementation;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.dimse.Status;

/**
 * Writes each received instance to {@code DIR/<SOPInstanceUID>.dcm}: a Part 10 header built from the command, then
 * the data set bytes exactly as received (never parsed, so any transfer syntax is kept bit for bit). The file is
 * written under a hidden {@code .part} name and moved into place, so a broken association leaves nothing behind.
 */
public final class FolderSink implements StorageSink {
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private final Path dir;
    /** rw------- where the file system has POSIX permissions (patient data), else nothing. */
    private final FileAttribute<?>[] ownerOnly;

    public FolderSink(Path dir) throws IOException {
        // Received instances are patient data: folders this creates are owner-only, and so are the files.
        this.dir = OwnerOnly.createDirectories(dir);
        this.ownerOnly = OwnerOnly.posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
    }

    public Path dir() {
        return dir;
    }

    /**
     * Whether the folder holds the instance (a {@link CommitmentPolicy.Holdings} for Storage Commitment): its file
     * is in place, which happens only after all of it was received and written.
     */
    public boolean holds(String sopClassUid, String sopInstanceUid) {
        return isUid(sopInstanceUid) && Files.isRegularFile(dir.resolve(sopInstanceUid + ".dcm"));
    }

    @Override
    public Status store(StoreRequest rq, InputStream data) throws IOException {
        String uid = rq.sopInstanceUid();
        // PS3.5 9.1: a UID is digits and dots, at most 64 characters; anything else must not become a path.
        if (!isUid(uid)) {
            data.transferTo(OutputStream.nullOutputStream());
            return Status.CANNOT_UNDERSTAND;
        }
        Path target = dir.resolve(uid + ".dcm");
        // Written under a name no reader takes for an instance, then renamed: a broken association (or a crash)
        // never leaves part of a file under the final name. The name is fixed per instance, so the file is created
        // and opened by one system call (a random temporary name costs a random number, a create and a reopen);
        // only when that name is taken (the same instance arriving twice at once) is a unique one made.
        Path tmp = dir.resolve("." + uid + ".part");
        FileChannel opened;
        try {
            opened = FileChannel.open(tmp, CREATE_NEW_WRITE, ownerOnly);
        } catch (FileAlreadyExistsException busy) {
            tmp = OwnerOnly.createTempFile(dir, "." + uid + ".", ".part");
            opened = FileChannel.open(tmp, StandardOpenOption.WRITE);
        }
        boolean placed = false;
        try {
            try (FileChannel ch = opened) {
                ByteBuffer meta = ByteBuffer.wrap(header(rq));
                while (meta.hasRemaining()) {
                    ch.write(meta);
                }
                // Straight from the network to the file where the association allows (DataSetInput).
                DataSetInput.copy(data, ch, null);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            placed = true;
            return Status.SUCCESS;
        } finally {
            if (!placed) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** PS3.5 9.1: digits and dots, 1 to 64 characters (checked without a regular expression: once per instance). */
    static boolean isUid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** PS3.10 7.1: 128-byte preamble, "DICM", group 0002 in Explicit VR Little Endian with its group length. */
    public static byte[] header(StoreRequest rq) throws IOException {
        Dataset meta = new Dataset();
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, rq.sopClassUid());
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, rq.sopInstanceUid());
        meta.setString(Tag.TransferSyntaxUID, VR.UI, rq.transferSyntaxUid());
        meta.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
        if (rq.callingAet() != null && !rq.callingAet().isEmpty()) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, rq.callingAet());
        }
        ByteArrayOutputStream group = new ByteArrayOutputStream(256);
        DicomWriter.writeDataset(group, meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        int n = group.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(144 + n);
        out.write(new byte[128]);
        out.writeBytes(new byte[] {'D', 'I', 'C', 'M', 2, 0, 0, 0, 'U', 'L', 4, 0, (byte) n, (byte) (n >>> 8),
                (byte) (n >>> 16), (byte) (n >>> 24)});
        group.writeTo(out);
        return out.toByteArray();
    }
}
