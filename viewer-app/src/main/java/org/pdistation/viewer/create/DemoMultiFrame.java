package org.pdistation.viewer.create;

import java.io.IOException;
import java.nio.file.Path;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * A synthetic multi-frame series for the demo disc: a Multi-frame Grayscale Byte Secondary Capture image
 * (PS3.3 A.8.3) of a disc that beats and a bar that turns, {@value #FRAMES} frames at {@value #FRAME_MS} ms per
 * frame, so that cine has something to play. Deterministic.
 */
final class DemoMultiFrame {
    static final int SIZE = 256;
    static final int FRAMES = 48;
    static final int FRAME_MS = 40;

    private DemoMultiFrame() {}

    /** Writes the file into the phantom's study ({@code studyUid}) as series 90. */
    static Path write(Path file, String studyUid, String patientId) throws IOException {
        Dataset ds = new Dataset(false, 48);
        String series = studyUid + ".90";
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, series + ".1");
        ds.setString(Tag.StudyDate, VR.DA, "20260101");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.AccessionNumber, VR.SH, "");
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.ConversionType, VR.CS, "WSD");
        ds.setString(Tag.Manufacturer, VR.LO, "PDI Station synthetic");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST");
        ds.setString(Tag.SeriesDescription, VR.LO, "CINE DEMO");
        ds.setString(Tag.PatientName, VR.PN, "Phantom^Synthetic");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "O");
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, "90");
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        // PS3.3 C.7.6.6: Frame Time drives the cine rate; the pointer says which attribute does.
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(FRAMES));
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setString(Tag.FrameTime, VR.DS, Integer.toString(FRAME_MS));
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, SIZE);
        ds.setInt(Tag.Columns, VR.US, SIZE);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, VR.OB, pixels());
        DicomWriter.write(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return file;
    }

    private static byte[] pixels() {
        byte[] out = new byte[SIZE * SIZE * FRAMES];
        double c = SIZE / 2.0;
        for (int f = 0; f < FRAMES; f++) {
            double phase = 2 * Math.PI * f / FRAMES;
            double radius = SIZE * (0.22 + 0.06 * Math.sin(phase));
            double ca = Math.cos(phase);
            double sa = Math.sin(phase);
            int base = f * SIZE * SIZE;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double dx = x - c;
                    double dy = y - c;
                    int v = 20 + (x + y) / 16;
                    if (dx * dx + dy * dy < radius * radius) v = 150;
                    double along = dx * ca + dy * sa;
                    double across = -dx * sa + dy * ca;
                    if (Math.abs(across) < 5 && along > 0 && along < SIZE * 0.45) v = 240;
                    out[base + y * SIZE + x] = (byte) v;
                }
            }
        }
        return out;
    }
}
