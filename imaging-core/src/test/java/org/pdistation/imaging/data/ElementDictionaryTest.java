package org.pdistation.imaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    void exactEntries() {
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
        assertEquals("Patient's Name", ElementDictionary.nameOf(Tag.PatientName));
        assertEquals("1", ElementDictionary.vmOf(Tag.PatientName));
        assertFalse(ElementDictionary.isRetired(Tag.PatientName));
        assertEquals(VR.SQ, ElementDictionary.vrOf(Tag.ReferencedImageSequence));
        assertEquals("2-n", ElementDictionary.vmOf(Tag.ImageType));
        assertTrue(ElementDictionary.isRetired(Tag.CommandLengthToEnd));
    }

    @Test
    void tagConstantsAndHelpers() {
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals(0x7FE00010, Tag.PixelData);
        assertEquals(0xFFFEE000, Tag.Item);
        assertEquals(0xFFFEE00D, Tag.ItemDelimitationItem);
        assertEquals(0xFFFEE0DD, Tag.SequenceDelimitationItem);
        assertEquals("(0010,0010)", Tag.toString(Tag.PatientName));
        assertEquals("(FFFE,E0DD)", Tag.toString(Tag.SequenceDelimitationItem));
        assertEquals(0x7FE0, Tag.group(Tag.PixelData));
        assertEquals(0x0010, Tag.element(Tag.PixelData));
        assertTrue(Tag.isPrivate(0x00091001));
        assertTrue(Tag.isPrivate(0x7FE10010));
        assertFalse(Tag.isPrivate(0x00010010), "PS3.5 7.8.1 excludes group 0001");
        assertFalse(Tag.isPrivate(0x00070010), "PS3.5 7.8.1 excludes group 0007");
        assertFalse(Tag.isPrivate(0xFFFF0010), "PS3.5 7.8.1 excludes group FFFF");
        assertFalse(Tag.isPrivate(Tag.PatientName));
        assertTrue(Tag.isPrivateCreator(0x00290010));
        assertTrue(Tag.isPrivateCreator(0x002900FF));
        assertFalse(Tag.isPrivateCreator(0x0029000F));
        assertFalse(Tag.isPrivateCreator(0x00291000));
        assertTrue(Tag.isGroupLength(0x00080000));
    }

    @Test
    void itemTagsHaveNoVr() {
        assertNull(ElementDictionary.vrOf(Tag.Item));
        assertTrue(ElementDictionary.vrsOf(Tag.SequenceDelimitationItem).isEmpty());
        assertEquals("Item Delimitation Item", ElementDictionary.nameOf(Tag.ItemDelimitationItem));
    }

    @Test
    void repeatingGroupsMatchByMask() {
        assertEquals(VR.OW, ElementDictionary.vrOf(0x60023000), "PS3.5 A.1: Overlay Data is OW in implicit VR");
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.vrsOf(0x60003000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x601E3000));
        assertEquals(VR.US, ElementDictionary.vrOf(0x60020010));
        assertEquals("OverlayRows", ElementDictionary.keywordOf(0x60020010));
        assertEquals(VR.CS, ElementDictionary.vrOf(0x00203101));
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x002031FF));
        assertTrue(ElementDictionary.isRetired(0x00203101));
        assertEquals("ShiftTableTriplet", ElementDictionary.keywordOf(0x10001235));
        assertEquals("EscapeTriplet", ElementDictionary.keywordOf(0x10000010));
        assertEquals("ZonalMap", ElementDictionary.keywordOf(0x1010ABCD));
        assertEquals("CurveData", ElementDictionary.keywordOf(0x50043000));
        assertEquals("VariablePixelData", ElementDictionary.keywordOf(0x7F200010));
        assertEquals(VR.OW, ElementDictionary.vrOf(0x7F200010));
    }

    @Test
    void exactEntriesWinOverMasks() {
        assertEquals("PixelData", ElementDictionary.keywordOf(0x7FE00010));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.PixelData), "PS3.5 A.1: Pixel Data is OW in implicit VR");
        // (0028,0400) Transform Label is listed exactly and also falls under (0028,04x0).
        assertEquals("TransformLabel", ElementDictionary.keywordOf(0x00280400));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00280400));
        assertEquals("RowsForNthOrderCoefficients", ElementDictionary.keywordOf(0x00280410));
    }

    @Test
    void masksDoNotCapturePrivateGroupsOrGroupLengths() {
        assertEquals(VR.UN, ElementDictionary.vrOf(0x60013000));
        assertNull(ElementDictionary.keywordOf(0x60013000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x10100000));
        assertNull(ElementDictionary.keywordOf(0x10100000));
    }

    @Test
    void groupLengthPrivateCreatorAndUnknown() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00020000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00090000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00090010));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x001900FF));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00091010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00100011 + 0x0F00)); // (0010,0F11) not in PS3.6
        assertNull(ElementDictionary.keywordOf(0x00091010));
        assertNull(ElementDictionary.nameOf(0x00091010));
        assertNull(ElementDictionary.vmOf(0x00091010));
        assertFalse(ElementDictionary.isRetired(0x00091010));
        assertTrue(ElementDictionary.vrsOf(0x00091010).isEmpty());
    }

    @Test
    void alternativesPickTheImplicitVr() {
        assertEquals(List.of(VR.US, VR.OW), ElementDictionary.vrsOf(Tag.LUTData));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.LUTData));
        assertEquals(List.of(VR.US, VR.SS, VR.OW), ElementDictionary.vrsOf(Tag.GrayLookupTableData));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.GrayLookupTableData));
        assertEquals(List.of(VR.US, VR.SS), ElementDictionary.vrsOf(Tag.LUTDescriptor));
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.LUTDescriptor));
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.SmallestImagePixelValue));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.WaveformData));
    }

    @Test
    void entriesWithoutKeywordStillResolve() {
        // (0018,0061) is listed in PS3.6 as retired without keyword or name.
        assertEquals(VR.DS, ElementDictionary.vrOf(0x00180061));
        assertNull(ElementDictionary.keywordOf(0x00180061));
        assertTrue(ElementDictionary.isRetired(0x00180061));
    }

    @Test
    void keywordsRoundTrip() throws IllegalAccessException {
        assertEquals(Tag.PatientName, ElementDictionary.tagOf("PatientName"));
        assertEquals(0x60003000, ElementDictionary.tagOf("OverlayData"));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
        int checked = 0;
        for (Field field : Tag.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                int tag = field.getInt(null);
                assertEquals(field.getName(), ElementDictionary.keywordOf(tag), Tag.toString(tag));
                assertEquals(tag, ElementDictionary.tagOf(field.getName()), field.getName());
                checked++;
            }
        }
        assertTrue(checked > 4000, "only " + checked + " Tag constants");
    }
}
