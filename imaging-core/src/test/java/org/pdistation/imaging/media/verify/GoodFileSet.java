package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * A conformant STD-GEN-CD file-set made for the tests (2 series of 2 CT images under DICOM/ST000001/SE00000n/,
 * README.TXT, DICOMDIR), and byte-level ways to break its DICOMDIR at a known record.
 */
final class GoodFileSet {
    static final String FIRST_ID = "DICOM\\ST000001\\SE000001\\IM000001";

    private GoodFileSet() {}

    static Path create(Path root) throws IOException {
        new SyntheticCtStudy(16, 2, 7).write(root, 4);
        Files.writeString(root.resolve("README.TXT"), "Made by the PDI Station tests.\r\n", StandardCharsets.US_ASCII);
        writeDicomdir(root, Profile.STD_GEN_CD);
        return root;
    }

    static void writeDicomdir(Path root, Profile p) throws IOException {
        Files.deleteIfExists(root.resolve("DICOMDIR"));
        DicomDirWriter.write(new DicomDirWriter.Request(root, p, "PDI_TEST"));
    }

    /** Offsets of the records, in sequence order, with their types. */
    record Rec(long offset, String type, Dataset item) {}

    static List<Rec> records(Path root) throws IOException {
        Dataset ds = DicomReader.read(root.resolve("DICOMDIR"), ReadOptions.IN_MEMORY).dataset();
        Sequence seq = ds.getSequence(Tag.DirectoryRecordSequence);
        List<Rec> out = new ArrayList<>();
        for (Dataset item : seq) {
            out.add(new Rec(item.streamPosition(), item.getString(Tag.DirectoryRecordType).strip(), item));
        }
        return out;
    }

    static Rec first(Path root, String type) throws IOException {
        return records(root).stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }

    /** Overwrites the value of the first {@code tag} element (explicit VR, short header) after {@code from}. */
    static long patchElement(Path dicomdir, long from, int tag, byte[] value) throws IOException {
        byte[] b = Files.readAllBytes(dicomdir);
        byte[] t = {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8)};
        for (int p = (int) from; p + 8 < b.length; p++) {
            if (b[p] == t[0] && b[p + 1] == t[1] && b[p + 2] == t[2] && b[p + 3] == t[3]) {
                int len = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
                if (len != value.length) {
                    throw new IllegalArgumentException("value length " + len + " != " + value.length);
                }
                System.arraycopy(value, 0, b, p + 8, len);
                Files.write(dicomdir, b);
                return p;
            }
        }
        throw new IllegalArgumentException("tag not found after " + from);
    }

    static byte[] ul(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** Replaces every occurrence of an ASCII string in the DICOMDIR by another of the same length. */
    static int replaceAll(Path dicomdir, String from, String to, int max) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("lengths differ");
        }
        byte[] b = Files.readAllBytes(dicomdir);
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        int n = 0;
        outer:
        for (int p = 0; p + f.length <= b.length && n < max; p++) {
            for (int i = 0; i < f.length; i++) {
                if (b[p + i] != f[i]) {
                    continue outer;
                }
            }
            System.arraycopy(t, 0, b, p, t.length);
            n++;
        }
        Files.write(dicomdir, b);
        return n;
    }
}
