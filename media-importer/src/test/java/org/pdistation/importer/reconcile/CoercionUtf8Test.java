package org.pdistation.importer.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

class CoercionUtf8Test {
    @Test
    void latin1DatasetCoercedToJapaneseNameSwitchesToUtf8AndKeepsEveryOtherText(@TempDir Path dir)
            throws Exception {
        Dataset ds = new Dataset(false, 16);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.42");
        ds.setString(Tag.InstitutionName, VR.LO, "Klinik Süd Café");
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jörg");
        ds.setString(Tag.PatientID, VR.LO, "MEDIUM-Ä1");
        ds.setString(Tag.StudyDescription, VR.LO, "Schädel nativ");
        ds.setString(Tag.ImageComments, VR.LT, "Übersicht \\ Rückseite");
        Sequence seq = ds.ensureSequence(Tag.ReferencedStudySequence);
        seq.addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.43");
        Path file = dir.resolve("latin1.dcm");
        DicomWriter.write(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        Dataset read = DicomReader.read(file, ReadOptions.IN_MEMORY).dataset();
        assertEquals("Klinik Süd Café", read.getString(Tag.InstitutionName), "precondition: Latin-1 decodes");

        Coercion.apply(read, new LocalIdentity("L1", "HOSP", "山田^太郎", "19700101", "M", null, null),
                new ModifyingSystem("PDI Station", "medium"),
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        assertEquals("ISO_IR 192", read.getString(Tag.SpecificCharacterSet));

        // Written and read back: the UTF-8 data set decodes every value as the Latin-1 one did.
        Path out = dir.resolve("utf8.dcm");
        DicomWriter.write(out, null, read, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        Dataset back = DicomReader.read(out, ReadOptions.IN_MEMORY).dataset();
        assertEquals("ISO_IR 192", back.getString(Tag.SpecificCharacterSet));
        assertEquals("山田^太郎", back.getString(Tag.PatientName));
        assertEquals("Klinik Süd Café", back.getString(Tag.InstitutionName));
        assertEquals("Schädel nativ", back.getString(Tag.StudyDescription));
        assertEquals("Übersicht \\ Rückseite", back.getText(Tag.ImageComments));
        Dataset modified = back.getSequence(Tag.OriginalAttributesSequence).get(0)
                .getSequence(Tag.ModifiedAttributesSequence).get(0);
        assertEquals("Müller^Jörg", modified.getString(Tag.PatientName));
        assertEquals("MEDIUM-Ä1", modified.getString(Tag.PatientID));
        assertEquals("MEDIUM-Ä1", back.getSequence(Tag.OtherPatientIDsSequence).get(0).getString(Tag.PatientID));
    }
}
