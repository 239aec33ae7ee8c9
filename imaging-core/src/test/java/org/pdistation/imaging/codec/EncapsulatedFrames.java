package org.pdistation.imaging.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;

/**
 * Test helper: the compressed frames of an encapsulated Pixel Data element (PS3.5 A.4). Items after the first
 * (the Basic Offset Table) are fragments; one frame gets them all, equal counts map one to one, otherwise a new
 * frame starts at each fragment that opens with a JPEG SOI, a JPEG 2000 SOC or a JP2 signature box.
 */
public final class EncapsulatedFrames {
    private EncapsulatedFrames() {}

    public static List<byte[]> of(Dataset ds, int frames) {
        Fragments f = ds.getFragments(Tag.PixelData);
        if (f == null) throw new IllegalArgumentException("Pixel Data is not encapsulated");
        List<byte[]> fragments = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) fragments.add((byte[]) f.get(i));
        if (frames == 1) return List.of(concat(fragments));
        if (fragments.size() == frames) return fragments;
        List<byte[]> out = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        for (byte[] frag : fragments) {
            if (!current.isEmpty() && startsFrame(frag)) {
                out.add(concat(current));
                current.clear();
            }
            current.add(frag);
        }
        if (!current.isEmpty()) out.add(concat(current));
        return out;
    }

    static boolean startsFrame(byte[] b) {
        if (b.length < 4) return false;
        int m = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        if (m == 0xFFD8 || (m == 0xFF4F && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x51)) return true;
        return b.length >= 8 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 12 && b[4] == 'j' && b[5] == 'P';
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) return parts.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
