package org.pdistation.importer.send;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.StoreSource;
import org.pdistation.importer.reconcile.Coercion;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.reconcile.ModifyingSystem;

/**
 * A medium's instance under the local identity, streamed: the header (everything before Pixel Data) is read,
 * coerced and re-encoded in memory; Pixel Data and whatever follows is sent as the byte range of the source file,
 * so pixel data stays byte-identical and is never loaded (PDI-REQUIREMENTS 30, 34). The header is built when the
 * association asks for it and dropped after sending. Deflated files cannot be split and are re-encoded whole.
 */
final class CoercedSource implements StoreSource {
    private final Path file;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final String transferSyntaxUid;
    private final LocalIdentity identity;
    private final ModifyingSystem system;
    private final Clock clock;
    private byte[] head;
    private long tailOffset;
    private long tailLength;
    private long fileSize = -1;
    private ContentHash hash;

    CoercedSource(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                  LocalIdentity identity, ModifyingSystem system, Clock clock) {
        this.file = file;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.transferSyntaxUid = transferSyntaxUid;
        this.identity = identity;
        this.system = system;
        this.clock = clock;
    }

    @Override public Path file() { return file; }

    @Override public String sopClassUid() { return sopClassUid; }

    @Override public String sopInstanceUid() { return sopInstanceUid; }

    @Override public String transferSyntaxUid() { return transferSyntaxUid; }

    private void prepare() throws IOException {
        if (head != null) {
            return;
        }
        TransferSyntax ts = TransferSyntax.of(transferSyntaxUid);
        if (ts.deflated()) {
            DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
            head = encode(coerce(df.dataset()), ts);
            tailOffset = 0;
            tailLength = 0;
            fileSize = Files.size(file);
            return;
        }
        DicomFile df = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        if (df.hasErrors() && df.pixelDataOffset() < 0) {
            throw new IOException("header damaged: " + df.problems().get(0).describe(file));
        }
        head = encode(coerce(df.dataset()), ts);
        long size = Files.size(file);
        fileSize = size;
        tailOffset = df.pixelDataOffset() >= 0 ? df.pixelDataOffset() : size;
        tailLength = size - tailOffset;
    }

    private Dataset coerce(Dataset ds) {
        if (identity != null) {
            Coercion.apply(ds, identity, system, clock);
        }
        return ds;
    }

    private static byte[] encode(Dataset ds, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        DicomWriter.writeDataset(out, ds, ts, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    @Override
    public long length() throws IOException {
        prepare();
        return head.length + tailLength;
    }

    @Override
    public InputStream open() throws IOException {
        prepare();
        byte[] h = head;
        head = null;
        // The whole source file passes through the fingerprint on its way: the bytes before Pixel Data are read
        // (and hashed) here, the rest as it is sent; no separate pass over the file.
        hash = new ContentHash();
        InputStream tail = new ContentHash.Hashing(Files.newInputStream(file), hash);
        tail.skipNBytes(tailOffset);
        return new SequenceInputStream(new ByteArrayInputStream(h), tail);
    }

    /**
     * The source file's {@link ContentHash} fingerprint: from the bytes streamed when the whole file went through
     * {@link #open()}, else (deflated, transcoded, not sent) from a read of the file.
     */
    String fingerprint() throws IOException {
        ContentHash h = hash;
        if (h != null && fileSize >= 0 && h.count() == fileSize) {
            hash = null;
            return h.finish();
        }
        return ContentHash.of(file);
    }

    @Override
    public byte[] transcoded(TransferSyntax target) throws IOException, FrameException {
        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        if (df.hasErrors()) {
            throw new IOException("the file is damaged: " + df.problems().get(0).describe(file));
        }
        coerce(df.dataset());
        Dataset ds = new Transcoder().transcode(df, target);
        return encode(ds, target);
    }
}
