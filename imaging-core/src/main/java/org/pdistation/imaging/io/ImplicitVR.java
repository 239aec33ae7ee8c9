package org.pdistation.imaging.io;

import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.ElementDictionary;
import org.pdistation.imaging.data.VR;

/**
 * The VR of an element read in Implicit VR, where the stream carries none (PS3.5 7.1.3): the dictionary's, with the
 * dictionary's "US or SS" alternative settled from the dataset read so far (PS3.3 C.7.6.3.1.3 Pixel Representation),
 * and "OB or OW" always OW: PS3.5 A.1 c gives Pixel Data, Overlay Data, Waveform Data and the palette tables VR OW
 * in Implicit VR Little Endian whatever Bits Allocated says.
 */
final class ImplicitVR {
    private static final int PIXEL_REPRESENTATION = 0x00280103;

    private ImplicitVR() {}

    static VR of(int tag, Dataset context) {
        VR vr = ElementDictionary.vrOf(tag);
        if (vr == null) {
            return VR.UN;
        }
        List<VR> alternatives = ElementDictionary.vrsOf(tag);
        if (alternatives.size() < 2) {
            return vr;
        }
        if (alternatives.contains(VR.SS) && alternatives.contains(VR.US)) {
            return inherited(context, PIXEL_REPRESENTATION, 0) == 1 ? VR.SS : VR.US;
        }
        if (alternatives.contains(VR.OB) && alternatives.contains(VR.OW)) {
            return VR.OW;
        }
        return vr;
    }

    /** Looks the value up in the dataset and its parents (an item describing pixels may hold its own). */
    private static int inherited(Dataset ds, int tag, int defaultValue) {
        for (Dataset d = ds; d != null; d = d.parent()) {
            if (d.contains(tag)) {
                return d.getInt(tag, defaultValue);
            }
        }
        return defaultValue;
    }
}
