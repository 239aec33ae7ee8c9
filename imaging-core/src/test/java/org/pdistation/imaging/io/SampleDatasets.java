package org.pdistation.imaging.io;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/** Small synthetic datasets covering the structures a reader must handle: text, binary, nested sequences, pixels. */
final class SampleDatasets {
    private SampleDatasets() {}

    /** About 1 KB encoded: strings, numbers, a private block, two levels of sequences (one item empty), pixels. */
    static Dataset small() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1125.1.1");
        ds.setString(Tag.StudyDate, VR.DA, "20240102");
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        ds.setString(Tag.PatientID, VR.LO, "ID-1");
        ds.setString(Tag.ImageComments, VR.LT, "odd");
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
        Sequence refs = ds.newSequence(Tag.ReferencedImageSequence, 2);
        Dataset r1 = refs.addItem();
        r1.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        r1.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.5");
        Sequence codes = r1.newSequence(Tag.PurposeOfReferenceCodeSequence, 1);
        Dataset c = codes.addItem();
        c.setString(Tag.CodeValue, VR.SH, "121311");
        c.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        c.setString(Tag.CodeMeaning, VR.LO, "Localizer");
        refs.addItem();
        int creator = 0x00090010;
        ds.setString(creator, VR.LO, "PDISTATION TEST");
        ds.setBytes(0x00091001, VR.OB, new byte[] {1, 2, 3});
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        byte[] pixels = new byte[32];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) i;
            pixels[i + 1] = (byte) (i >> 3);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }
}
