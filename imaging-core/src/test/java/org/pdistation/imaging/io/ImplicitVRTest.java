package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

class ImplicitVRTest {

    @Test
    void pixelDataIsOwInImplicitVrEvenWithEightBitsAllocated() {
        // PS3.5 A.1 c: in Implicit VR Little Endian, Pixel Data has VR OW.
        Dataset ds = new Dataset();
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        assertEquals(VR.OW, ImplicitVR.of(Tag.PixelData, ds));
    }

    @Test
    void usOrSsFollowsPixelRepresentation() {
        Dataset ds = new Dataset();
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        assertEquals(VR.SS, ImplicitVR.of(Tag.SmallestImagePixelValue, ds));
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        assertEquals(VR.US, ImplicitVR.of(Tag.SmallestImagePixelValue, ds));
    }
}
