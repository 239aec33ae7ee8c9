package org.pdistation.imaging.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * Writes a synthetic CT study for benchmarks and tests: a noisy elliptical phantom, 16-bit signed, with the header a
 * real scanner writes, under DICOM-conformant file IDs ({@code DICOM/STnnnnnn/SEnnnnnn/IMnnnnnn}, PS3.10 8.2).
 * The noise keeps lossless compression near the ~2.4:1 of real CT (PERFORMANCE.md). Deterministic for a seed.
 *
 * @param rows            image size
 * @param slicesPerSeries how many files go into one series before a new one starts
 * @param seed            random seed; the same seed gives the same bytes
 */
public record SyntheticCtStudy(int rows, int slicesPerSeries, long seed) {
    /** The UID root under which synthetic UIDs are made: a UUID-derived root (PS3.5 B.2). */
    private static final String UID_ROOT = "2.25.312599680646906882572476060770215236471";

    public static SyntheticCtStudy standard() {
        return new SyntheticCtStudy(512, 500, 42);
    }

    /** Writes {@code count} files under {@code root} and returns their paths. */
    public List<Path> write(Path root, int count) throws IOException {
        List<Path> out = new ArrayList<>(count);
        short[] phantom = phantom();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[rows * rows * 2];
        String study = UID_ROOT + "." + seed + ".1";
        for (int i = 0; i < count; i++) {
            int series = i / slicesPerSeries + 1;
            int instance = i % slicesPerSeries + 1;
            fillSlice(phantom, random, pixels);
            Dataset ds = header(study, series, instance);
            ds.setBytes(Tag.PixelData, VR.OW, pixels.clone());
            Path file = root.resolve("DICOM").resolve(String.format("ST%06d", 1))
                    .resolve(String.format("SE%06d", series)).resolve(String.format("IM%06d", instance));
            DicomWriter.write(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            out.add(file);
        }
        return out;
    }

    Dataset header(String study, int series, int instance) {
        Dataset ds = new Dataset(false, 64);
        String seriesUid = study + "." + series;
        double z = -instance * 1.25;
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, seriesUid + "." + instance);
        ds.setString(Tag.StudyDate, VR.DA, "20260101");
        ds.setString(Tag.SeriesDate, VR.DA, "20260101");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC" + seed);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "PDI Station synthetic");
        ds.setString(Tag.InstitutionName, VR.LO, "Synthetic Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST");
        ds.setString(Tag.SeriesDescription, VR.LO, "AXIAL " + series);
        ds.setString(Tag.PatientName, VR.PN, "Phantom^Synthetic");
        ds.setString(Tag.PatientID, VR.LO, "SYN" + seed);
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "O");
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(series));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance));
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-160", "-160", Double.toString(z));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, study + ".9");
        ds.setString(Tag.SliceLocation, VR.DS, Double.toString(z));
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, rows);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.625", "0.625");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 16);
        ds.setInt(Tag.HighBit, VR.US, 15);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        ds.setString(Tag.WindowCenter, VR.DS, "40");
        ds.setString(Tag.WindowWidth, VR.DS, "400");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        return ds;
    }

    /** Body ellipse (soft tissue), lungs (air), spine (bone), outside air; stored values = HU + 1024. */
    private short[] phantom() {
        short[] p = new short[rows * rows];
        double c = rows / 2.0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < rows; x++) {
                double dx = (x - c) / (rows * 0.45);
                double dy = (y - c) / (rows * 0.33);
                int hu = -1000;
                if (dx * dx + dy * dy < 1) {
                    hu = 40;
                    double lx = Math.abs(x - c) - rows * 0.2;
                    double ly = (y - c) / (rows * 0.22);
                    if ((lx * lx) / (rows * rows * 0.015) + ly * ly < 1) {
                        hu = -850;
                    }
                    double sx = x - c;
                    double sy = y - (c + rows * 0.2);
                    if (sx * sx + sy * sy < rows * rows * 0.003) {
                        hu = 700;
                    }
                }
                p[y * rows + x] = (short) (hu + 1024);
            }
        }
        return p;
    }

    private void fillSlice(short[] phantom, SplittableRandom random, byte[] out) {
        for (int i = 0; i < phantom.length; i++) {
            int v = phantom[i] == 24 ? 24 : phantom[i] + random.nextInt(-12, 13);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
    }
}
