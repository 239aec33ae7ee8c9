package org.pdistation.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Generated media for the importer's tests; nothing is committed as data. */
public final class TestMedia {
    private TestMedia() {}

    /** {@code count} small CT slices with a DICOMDIR. */
    public static List<Path> ctWithDicomdir(Path root, int count, int rows, long seed) throws IOException {
        List<Path> files = new SyntheticCtStudy(rows, Math.max(1, count / 2), seed).write(root, count);
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "TEST"));
        return files;
    }

    /**
     * A medium broken in the usual ways: 6 good CT slices referenced by a DICOMDIR; IM000002's reference rewritten
     * to escape the root; IM000003 deleted (missing file); the fourth slice renamed to lower case; an unreferenced extra
     * CT slice; a file with DICM and garbage; and an instance of a non-storage SOP class.
     */
    public static Broken broken(Path root) throws IOException {
        List<Path> files = ctWithDicomdir(root, 6, 16, 7);
        Path dicomdir = root.resolve("DICOMDIR");
        byte[] dd = Files.readAllBytes(dicomdir);
        String from = "DICOM\\ST000001\\SE000001\\IM000002";
        String to = "..\\..\\..\\..\\..\\..\\..\\..\\..\\ETC12";
        replace(dd, from.getBytes(StandardCharsets.US_ASCII), to.getBytes(StandardCharsets.US_ASCII));
        Files.write(dicomdir, dd);
        Files.delete(files.get(2));
        Path im4 = files.get(3);
        Files.move(im4, im4.resolveSibling(im4.getFileName().toString().toLowerCase(java.util.Locale.ROOT)));
        // An extra slice of another study the DICOMDIR does not know.
        List<Path> extra = new SyntheticCtStudy(16, 1, 99).write(root.resolve("EXTRA"), 1);
        Path unreadable = root.resolve("DICOM").resolve("BROKEN");
        byte[] garbage = new byte[300];
        garbage[128] = 'D';
        garbage[129] = 'I';
        garbage[130] = 'C';
        garbage[131] = 'M';
        for (int i = 132; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37);
        }
        Files.write(unreadable, garbage);
        Dataset ds = new Dataset(false, 8);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.1.20.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234567");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1234568");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.1234569");
        ds.setString(Tag.PatientID, VR.LO, "SYN7");
        Path unsupported = root.resolve("DICOM").resolve("COMMIT");
        DicomWriter.write(unsupported, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return new Broken(root, files, extra.get(0), unreadable, unsupported);
    }

    public record Broken(Path root, List<Path> ct, Path extra, Path unreadable, Path unsupported) {}

    private static void replace(byte[] b, byte[] from, byte[] to) {
        outer:
        for (int i = 0; i + from.length <= b.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (b[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, b, i, to.length);
            return;
        }
        throw new IllegalStateException("File ID not found in DICOMDIR");
    }
}
