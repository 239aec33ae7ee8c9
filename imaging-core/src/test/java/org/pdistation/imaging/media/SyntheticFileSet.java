package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;

/** Writes a small file-set with conformant file IDs: two patients (one with a Latin-1 name), CT, MR and SR. */
final class SyntheticFileSet {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";
    static final String ROOT = "2.25.4711";

    private SyntheticFileSet() {}

    /** Returns the files written, 20 in all. */
    static List<Path> create(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        // Patient 0: ASCII name, one study with a CT and an MR series and an SR.
        files.addAll(series(root, 0, "PAT001", "Doe^John", false, 0, 0, "CT", CT, 6));
        files.addAll(series(root, 0, "PAT001", "Doe^John", false, 0, 1, "MR", MR, 5));
        files.addAll(series(root, 0, "PAT001", "Doe^John", false, 0, 2, "SR", BASIC_TEXT_SR, 1));
        // Patient 1: name needs ISO_IR 100; two studies.
        files.addAll(series(root, 1, "PAT002", "Müller^Jürgen", true, 0, 0, "CT", CT, 4));
        files.addAll(series(root, 1, "PAT002", "Müller^Jürgen", true, 1, 0, "MR", MR, 3));
        files.addAll(series(root, 1, "PAT002", "Müller^Jürgen", true, 1, 1, "SR", BASIC_TEXT_SR, 1));
        return files;
    }

    static String studyUid(int p, int st) {
        return ROOT + "." + p + "." + st;
    }

    static String seriesUid(int p, int st, int se) {
        return ROOT + "." + p + "." + st + "." + se;
    }

    static String sopUid(int p, int st, int se, int i) {
        return ROOT + "." + p + "." + st + "." + se + "." + (i + 1);
    }

    private static List<Path> series(Path root, int p, String pid, String name, boolean latin1, int st, int se,
                                     String modality, String sopClass, int count) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Dataset ds = new Dataset();
            if (latin1) {
                ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
            }
            ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
            ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid(p, st, se, i));
            ds.setString(Tag.StudyDate, VR.DA, "2026011" + st);
            ds.setString(Tag.StudyTime, VR.TM, "101500");
            ds.setString(Tag.AccessionNumber, VR.SH, "ACC" + p + st);
            ds.setString(Tag.Modality, VR.CS, modality);
            ds.setString(Tag.Manufacturer, VR.LO, "PDI Station tests");
            ds.set(Tag.ReferringPhysicianName, VR.PN, null);
            ds.setString(Tag.StudyDescription, VR.LO, latin1 ? "Schädel" : "Head");
            ds.setString(Tag.PatientName, VR.PN, name);
            ds.setString(Tag.PatientID, VR.LO, pid);
            ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
            ds.setString(Tag.PatientSex, VR.CS, "M");
            ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid(p, st));
            ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid(p, st, se));
            ds.setString(Tag.StudyID, VR.SH, "S" + p + st);
            ds.setInt(Tag.SeriesNumber, VR.IS, se + 1);
            ds.setInt(Tag.InstanceNumber, VR.IS, i + 1);
            if (modality.equals("SR")) {
                ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
                ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
                ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
                ds.setString(Tag.VerificationFlag, VR.CS, "UNVERIFIED");
                ds.setString(Tag.ContentDate, VR.DA, "20260110");
                ds.setString(Tag.ContentTime, VR.TM, "101600");
                Sequence cn = ds.newSequence(Tag.ConceptNameCodeSequence, 1);
                Dataset code = cn.addItem();
                code.setString(Tag.CodeValue, VR.SH, "11528-7");
                code.setString(Tag.CodingSchemeDesignator, VR.SH, "LN");
                code.setString(Tag.CodeMeaning, VR.LO, "Radiology Report");
            } else {
                ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
                ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
                ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
                ds.setInt(Tag.Rows, VR.US, 4);
                ds.setInt(Tag.Columns, VR.US, 4);
                ds.setInt(Tag.BitsAllocated, VR.US, 16);
                ds.setInt(Tag.BitsStored, VR.US, 12);
                ds.setInt(Tag.HighBit, VR.US, 11);
                ds.setInt(Tag.PixelRepresentation, VR.US, 0);
                ds.setBytes(Tag.PixelData, VR.OW, new byte[32]);
            }
            Path f = root.resolve("DICOM").resolve("P" + p).resolve("ST" + st).resolve("SE" + se)
                    .resolve("IM" + i);
            DicomWriter.write(f, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            out.add(f);
        }
        return out;
    }
}
