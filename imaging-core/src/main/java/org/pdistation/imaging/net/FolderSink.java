package org.pdistation.imaging.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
 * written under a temporary name and moved into place, so a broken association leaves nothing behind.
 */
public final class FolderSink implements StorageSink {
    private final Path dir;

    public FolderSink(Path dir) throws IOException {
        // Received instances are patient data: folders this creates are owner-only (files are, as temp files).
        this.dir = OwnerOnly.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Whether the folder holds the instance (a {@link CommitmentPolicy.Holdings} for Storage Commitment): its file
     * is in place, which happens only after all of it was received and written.
     */
    public boolean holds(String sopClassUid, String sopInstanceUid) {
        return sopInstanceUid != null && sopInstanceUid.length() <= 64 && sopInstanceUid.matches("[0-9.]+")
                && Files.isRegularFile(dir.resolve(sopInstanceUid + ".dcm"));
    }

    @Override
    public Status store(StoreRequest rq, InputStream data) throws IOException {
        String uid = rq.sopInstanceUid();
        // PS3.5 9.1: a UID is digits and dots, at most 64 characters; anything else must not become a path.
        if (uid == null || uid.isEmpty() || uid.length() > 64 || !uid.matches("[0-9.]+")) {
            data.transferTo(OutputStream.nullOutputStream());
            return Status.CANNOT_UNDERSTAND;
        }
        Path target = dir.resolve(uid + ".dcm");
        Path tmp = Files.createTempFile(dir, "." + uid + ".", ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
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
            return Status.SUCCESS;
        } finally {
            Files.deleteIfExists(tmp);
        }
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
