package org.pdistation.imaging.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void keepsElementsSortedByUnsignedTagWhateverTheInsertionOrder() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setBytes(0xFFFAFFFA, VR.SQ, null);
        ds.setInt(Tag.Rows, VR.US, 512);
        assertEquals(4, ds.size());
        assertEquals(Tag.SOPInstanceUID, ds.tagAt(0));
        assertEquals(Tag.PatientName, ds.tagAt(1));
        assertEquals(Tag.Rows, ds.tagAt(2));
        assertEquals(0xFFFAFFFA, ds.tagAt(3));
        assertEquals(512, ds.getInt(Tag.Rows, -1));
        ds.remove(Tag.PatientName);
        assertFalse(ds.contains(Tag.PatientName));
        assertEquals(3, ds.size());
    }

    @Test
    void decodesRawValuesPerVrTrimmingOnlyInsignificantSpaces() {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.ImageType, VR.CS, ascii("ORIGINAL\\PRIMARY\\AXIAL "));
        ds.setBytes(Tag.SOPInstanceUID, VR.UI, ascii("1.2.840.1\0"));
        ds.setBytes(Tag.StudyDescription, VR.LO, ascii(" Head "));
        ds.setBytes(Tag.ImageComments, VR.LT, ascii("  indented text  "));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tag.ImageType));
        assertEquals("1.2.840.1", ds.getString(Tag.SOPInstanceUID));
        assertEquals("Head", ds.getString(Tag.StudyDescription));
        // PS3.5 6.2: leading spaces of LT are significant, trailing are not.
        assertEquals("  indented text", ds.getString(Tag.ImageComments));
    }

    @Test
    void readsBinaryNumbersInTheDatasetsByteOrder() {
        Dataset le = new Dataset(false, 4);
        le.setBytes(Tag.Rows, VR.US, new byte[] {0x00, 0x02});
        Dataset be = new Dataset(true, 4);
        be.setBytes(Tag.Rows, VR.US, new byte[] {0x00, 0x02});
        assertEquals(512, le.getInt(Tag.Rows, 0));
        assertEquals(2, be.getInt(Tag.Rows, 0));
        be.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
        assertArrayEquals(new double[] {0.5, 0.25}, be.getDoubles(Tag.PixelSpacing));
        be.setDouble(Tag.SliceThickness, VR.FD, 1.25);
        assertEquals(1.25, be.getDouble(Tag.SliceThickness, 0), 0);
        be.setLong(0x00720082, VR.SV, -5L);
        assertEquals(-5L, be.getLong(0x00720082, 0));
    }

    @Test
    void toleratesIntegerStringsWithDecimalsAndPlusSigns() {
        Dataset ds = new Dataset();
        ds.setString(Tag.InstanceNumber, VR.IS, "+12");
        ds.setString(Tag.SeriesNumber, VR.IS, " 3.0 ");
        ds.setString(Tag.AcquisitionNumber, VR.IS, "abc");
        assertEquals(12, ds.getInt(Tag.InstanceNumber, -1));
        assertEquals(3, ds.getInt(Tag.SeriesNumber, -1));
        assertEquals(-1, ds.getInt(Tag.AcquisitionNumber, -1));
    }

    @Test
    void parsesDatesTimesAndDateTimesIncludingRetiredForms() {
        Dataset ds = new Dataset();
        ds.setString(Tag.StudyDate, VR.DA, "20240229");
        ds.setString(Tag.StudyTime, VR.TM, "235959.123");
        ds.setString(Tag.SeriesDate, VR.DA, "2024.03.01");
        ds.setString(Tag.SeriesTime, VR.TM, "10:11:12");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240102030405.5+0130");
        ds.setString(Tag.ContentDate, VR.DA, "20241399");
        assertEquals(LocalDate.of(2024, 2, 29), ds.getDate(Tag.StudyDate));
        assertEquals(LocalTime.of(23, 59, 59, 123_000_000), ds.getTime(Tag.StudyTime));
        assertEquals(LocalDate.of(2024, 3, 1), ds.getDate(Tag.SeriesDate));
        assertEquals(LocalTime.of(10, 11, 12), ds.getTime(Tag.SeriesTime));
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.ofHoursMinutes(1, 30)),
                ds.getDateTime(Tag.AcquisitionDateTime));
        assertNull(ds.getDate(Tag.ContentDate));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), DicomDateTime.parseDateTime("2024"));
    }

    @Test
    void splitsPersonNamesIntoGroupsAndComponents() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        PersonName pn = ds.getPersonName(Tag.PatientName);
        assertEquals("Yamada", pn.alphabetic().family());
        assertEquals("Tarou", pn.alphabetic().given());
        assertEquals("山田", pn.ideographic().family());
        assertEquals("たろう", pn.phonetic().given());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.toString());
        assertEquals("Doe^John^^Dr", PersonName.parse("Doe^John^^Dr^").toString());
        assertTrue(PersonName.parse("").alphabetic().isEmpty());
    }

    @Test
    void itemsInheritTheSpecificCharacterSetOfTheirParent() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Sequence seq = ds.newSequence(Tag.ReferencedStudySequence, 1);
        Dataset item = seq.addItem();
        assertSame(ds, item.parent());
        assertEquals(ds.charset(), item.charset());
        item.setBytes(Tag.PatientName, VR.PN, "Müller".getBytes(StandardCharsets.UTF_8));
        assertEquals("Müller", item.getString(Tag.PatientName));
    }

    @Test
    void findsAndReservesPrivateBlocksByCreator() {
        Dataset ds = new Dataset();
        ds.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
        int t = ds.reservePrivateTag("PDISTATION", 0x0029, 0x01);
        assertEquals(0x00291101, t);
        ds.setString(t, VR.LO, "x");
        assertEquals(0x00291101, ds.privateTag("PDISTATION", 0x0029, 0x01));
        assertEquals(0x00291001, ds.privateTag("SIEMENS CSA HEADER", 0x0029, 0x01));
        assertEquals(-1, ds.privateTag("OTHER", 0x0029, 0x01));
        assertEquals("PDISTATION", ds.privateCreatorOf(0x00291101));
    }

    @Test
    void deepCopyDoesNotShareSequences() {
        Dataset ds = new Dataset();
        ds.newSequence(Tag.ReferencedStudySequence, 1).addItem().setString(Tag.StudyInstanceUID, VR.UI, "1.2");
        Dataset copy = ds.copy();
        copy.getSequence(Tag.ReferencedStudySequence).get(0).setString(Tag.StudyInstanceUID, VR.UI, "9.9");
        assertEquals("1.2", ds.getSequence(Tag.ReferencedStudySequence).get(0).getString(Tag.StudyInstanceUID));
        assertEquals(VR.SQ, copy.vrOf(Tag.ReferencedStudySequence));
    }

    @Test
    void formatsDecimalStringsWithinSixteenCharacters() {
        assertEquals("1", ValueEncoder.formatDecimalString(1.0));
        assertEquals("0.5", ValueEncoder.formatDecimalString(0.5));
        assertTrue(ValueEncoder.formatDecimalString(Math.PI).length() <= 16);
        assertTrue(ValueEncoder.formatDecimalString(-1.0e-20).length() <= 16);
        assertEquals(Math.PI, Double.parseDouble(ValueEncoder.formatDecimalString(Math.PI)), 1e-13);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
