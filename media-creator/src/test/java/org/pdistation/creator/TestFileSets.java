package org.pdistation.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.testing.SharedData;

/** Finished file-sets built in a test's temp folder from /work/shared/dicomdata files plus generated ones. */
public final class TestFileSets {
    /** The ideographic name of {@link #JAPANESE}: Yamada^Tarou=山田^太郎=やまだ^たろう. */
    public static final String JAPANESE_NAME = "\u5c71\u7530 \u592a\u90ce";
    public static final String HOSTILE_NAME = "<script>alert(1)</script>&Co";

    private TestFileSets() {}

    /**
     * Five patients: a Japanese name (chrH31), a colour ultrasound, a 13-frame NM, a CT, and a CT whose pixel data
     * is cut short (undecodable) with a patient name holding markup. README.TXT is in the root.
     */
    public static Path mixed(Path root) throws IOException {
        Path data = SharedData.require().resolve("dicomdata");
        copy(data.resolve("charset/pydicom/chrH31.dcm"), root, 1);
        // Some source files share a Patient ID; each gets its own so that every file is its own patient.
        withPatientId(data.resolve("single/dcm4che/US-RGB-8-esopecho"), target(root, 2), "US1");
        withPatientId(data.resolve("multiframe/dcm4che/NM-MONO2-16-13x-heart"), target(root, 3), "NM1");
        withPatientId(data.resolve("single/pydicom/CT_small.dcm"), target(root, 4), "CT1");
        broken(data.resolve("single/pydicom/CT_small.dcm"), target(root, 5));
        Files.writeString(root.resolve("README.TXT"), "Test medium\r\n");
        DicomDirWriter.Outcome out = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "TEST"));
        assertEquals(5, out.instances(), "skipped: " + out.skipped() + " " + out.problems());
        return root;
    }

    private static Path target(Path root, int patient) throws IOException {
        Path dir = root.resolve(String.format("DICOM/P%07d/S0000001/S0000001", patient));
        Files.createDirectories(dir);
        return dir.resolve("I0000001");
    }

    private static void copy(Path src, Path root, int patient) throws IOException {
        Files.copy(src, target(root, patient));
    }

    private static void withPatientId(Path src, Path dst, String id) throws IOException {
        DicomFile df = DicomReader.read(src, ReadOptions.IN_MEMORY);
        df.dataset().setString(Tag.PatientID, VR.LO, id);
        DicomWriter.write(dst, df.dataset(), df.transferSyntax());
    }

    /** The CT with another patient, a hostile name, and half of its pixel data gone. */
    private static void broken(Path src, Path dst) throws IOException {
        DicomFile df = DicomReader.read(src, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        ds.setString(Tag.PatientName, VR.PN, HOSTILE_NAME);
        ds.setString(Tag.PatientID, VR.LO, "BROKEN1");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1143.999.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1143.999.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1143.999.3");
        byte[] pixels = ds.getBytes(Tag.PixelData);
        ds.setBytes(Tag.PixelData, VR.OW, java.util.Arrays.copyOf(pixels, pixels.length / 2));
        DicomWriter.write(dst, ds, df.transferSyntax());
    }
}
