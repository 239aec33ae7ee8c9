package org.pdistation.imaging.media;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * Writes a DICOMDIR (PS3.3 F.3, PS3.10 8) for a file-set root: builds the records with {@link DicomDirBuilder},
 * lays them out depth first, computes every offset before writing, and writes the file atomically.
 */
public final class DicomDirWriter {
    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    // Items and the sequence have defined lengths, so that every offset is known before a byte is written.
    private static final WriteOptions OPTIONS = WriteOptions.DEFINED_LENGTHS;

    /** Options of one DICOMDIR. */
    public record Request(Path root, Profile profile, String fileSetId, List<String> descriptorFileId,
                          String fileSetUid) {
        public Request(Path root, Profile profile, String fileSetId) {
            this(root, profile, fileSetId, null, null);
        }
    }

    /** What was written. */
    public record Outcome(Path dicomdir, String fileSetUid, int patients, int studies, int series, int instances,
                          List<Path> skipped, List<FileSetProblem> problems) {}

    private DicomDirWriter() {}

    public static Outcome write(Request req) throws IOException {
        checkFileSetId(req);
        return write(req, new DicomDirBuilder(req.root(), req.profile()).build());
    }

    private static void checkFileSetId(Request req) {
        String fsId = req.fileSetId() == null ? "" : req.fileSetId();
        if (!fsId.matches("[A-Z0-9_ ]{0,16}")) {
            throw new IllegalArgumentException("File-set ID must be 0-16 characters A-Z 0-9 _ (PS3.10 8.2)");
        }
    }

    /**
     * Writes the DICOMDIR from records already built ({@link DicomDirBuilder#add} then
     * {@link DicomDirBuilder#result()}), so that a writer that has the headers in hand does not read its files
     * again. The records' offsets are set here.
     */
    public static Outcome write(Request req, DicomDirBuilder.Result built) throws IOException {
        checkFileSetId(req);
        String fsId = req.fileSetId() == null ? "" : req.fileSetId();
        String uid = req.fileSetUid() != null ? req.fileSetUid() : newUid();

        Dataset top = new Dataset(false, 8);
        top.set(Tag.FileSetID, VR.CS, fsId.isEmpty() ? null : fsId);
        if (req.descriptorFileId() != null && !req.descriptorFileId().isEmpty()) {
            top.setString(Tag.FileSetDescriptorFileID, VR.CS, req.descriptorFileId().toArray(String[]::new));
        }
        top.setLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        top.setLong(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        top.setInt(Tag.FileSetConsistencyFlag, VR.US, 0);
        top.newSequence(Tag.DirectoryRecordSequence, 0);

        Dataset meta = new Dataset(false, 8);
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, UID.MediaStorageDirectoryStorage);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, uid);
        meta = DicomWriter.fileMeta(meta, top, TS);

        // PS3.3 F.3.2.1: offsets count from the first byte of the file. The records start right after the
        // (still empty) sequence's header, which is the last element of the top level.
        long position = DicomWriter.headerLength(meta) + DicomWriter.encodedLength(top, TS, OPTIONS);

        List<DicomDirBuilder.Node> order = new ArrayList<>();
        int[] counts = new int[3];
        preorder(built.patients(), order, counts);
        java.util.IdentityHashMap<DicomDirBuilder.Node, Long> at = new java.util.IdentityHashMap<>();
        for (DicomDirBuilder.Node n : order) {
            // Offsets are UL: fixed size, so placeholders give the final length.
            n.keys().setLong(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
            n.keys().setLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
            at.put(n, position);
            position += 8 + DicomWriter.encodedLength(n.keys(), TS, OPTIONS);
        }
        linkSiblings(built.patients(), at);
        for (DicomDirBuilder.Node n : order) {
            linkSiblings(n.children(), at);
            if (!n.children().isEmpty()) {
                n.keys().setLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, at.get(n.children().get(0)));
            }
        }
        if (!built.patients().isEmpty()) {
            top.setLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                    at.get(built.patients().get(0)));
            top.setLong(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                    at.get(built.patients().get(built.patients().size() - 1)));
        }
        Sequence seq = top.newSequence(Tag.DirectoryRecordSequence, order.size());
        for (DicomDirBuilder.Node n : order) {
            seq.add(n.keys());
        }
        Path out = req.root().resolve("DICOMDIR");
        DicomWriter.write(out, meta, top, TS, OPTIONS);
        return new Outcome(out, uid, built.patients().size(), counts[0], counts[1], counts[2], built.skipped(),
                built.problems());
    }

    private static void linkSiblings(List<DicomDirBuilder.Node> siblings,
                                     java.util.IdentityHashMap<DicomDirBuilder.Node, Long> at) {
        for (int i = 0; i + 1 < siblings.size(); i++) {
            siblings.get(i).keys().setLong(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, at.get(siblings.get(i + 1)));
        }
    }

    /** Depth-first order (each record followed by its lower level), as most writers lay records out. */
    private static void preorder(List<DicomDirBuilder.Node> patients, List<DicomDirBuilder.Node> out, int[] counts) {
        Deque<DicomDirBuilder.Node> stack = new ArrayDeque<>();
        for (int i = patients.size() - 1; i >= 0; i--) {
            stack.push(patients.get(i));
        }
        while (!stack.isEmpty()) {
            DicomDirBuilder.Node n = stack.pop();
            out.add(n);
            switch (n.type()) {
                case STUDY -> counts[0]++;
                case SERIES -> counts[1]++;
                case PATIENT -> { }
                default -> counts[2]++;
            }
            for (int i = n.children().size() - 1; i >= 0; i--) {
                stack.push(n.children().get(i));
            }
        }
    }

    /** A UID under the 2.25 root from a random UUID (PS3.5 B.2). */
    public static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
