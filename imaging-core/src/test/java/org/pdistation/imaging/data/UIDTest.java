package org.pdistation.imaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class UIDTest {

    @Test
    void constants() {
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2", UID.ImplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.3.10", UID.MediaStorageDirectoryStorage);
    }

    @Test
    void lookups() {
        assertEquals("Explicit VR Little Endian", UID.nameOf(UID.ExplicitVRLittleEndian));
        assertEquals("ExplicitVRLittleEndian", UID.keywordOf("1.2.840.10008.1.2.1"));
        assertEquals(UID.Type.TRANSFER_SYNTAX, UID.typeOf(UID.ExplicitVRLittleEndian));
        assertEquals(UID.Type.SOP_CLASS, UID.typeOf(UID.CTImageStorage));
        assertEquals("Transfer Syntax", UID.Type.TRANSFER_SYNTAX.label());
        assertTrue(UID.isTransferSyntax(UID.ExplicitVRLittleEndian));
        assertTrue(UID.isTransferSyntax(UID.ExplicitVRBigEndian));
        assertTrue(UID.isRetired(UID.ExplicitVRBigEndian));
        assertFalse(UID.isRetired(UID.ExplicitVRLittleEndian));
        assertFalse(UID.isTransferSyntax(UID.CTImageStorage));
    }

    @Test
    void unknownUids() {
        assertNull(UID.nameOf("1.2.3.4"));
        assertNull(UID.keywordOf("1.2.3.4"));
        assertNull(UID.typeOf("1.2.3.4"));
        assertNull(UID.nameOf(null));
        assertFalse(UID.isTransferSyntax("1.2.3.4"));
        assertFalse(UID.isTransferSyntax(null));
    }

    @Test
    void registeredWithoutKeyword() {
        // PS3.6 lists this retired SOP Class without a keyword: no constant, but the look-ups know it.
        assertEquals(UID.Type.SOP_CLASS, UID.typeOf("1.2.840.10008.5.1.4.1.1.40"));
        assertNull(UID.keywordOf("1.2.840.10008.5.1.4.1.1.40"));
        assertTrue(UID.isRetired("1.2.840.10008.5.1.4.1.1.40"));
    }

    @Test
    void everyConstantRoundTrips() throws IllegalAccessException {
        int checked = 0;
        for (Field field : UID.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String uid = (String) field.get(null);
                assertEquals(field.getName(), UID.keywordOf(uid), uid);
                checked++;
            }
        }
        assertTrue(checked > 400, "only " + checked + " UID constants");
    }
}
