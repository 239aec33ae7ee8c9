package org.pdistation.imaging.codec.rle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;

/** Test support: compressed frames out of encapsulated pixel data, and frame samples as native bytes. */
final class RleFrames {
    private RleFrames() {
    }

    /**
     * The compressed bytes of each frame: one fragment per frame when the counts match; else grouped by the Basic
     * Offset Table (PS3.5 A.4); else, for one frame, all fragments concatenated.
     */
    static List<byte[]> frames(Dataset ds, int frameCount) throws IOException {
        Fragments f = ds.getFragments(Tag.PixelData);
        if (f == null) throw new AssertionError("no encapsulated pixel data");
        List<byte[]> items = new ArrayList<>();
        for (Object o : f.items()) items.add(bytesOf(o));
        List<byte[]> fragments = items.subList(1, items.size());
        if (fragments.size() == frameCount) return new ArrayList<>(fragments);
        byte[] bot = items.get(0);
        List<byte[]> out = new ArrayList<>();
        if (bot.length >= 4 * frameCount && bot.length > 0) {
            long[] starts = new long[frameCount];
            for (int i = 0; i < frameCount; i++) starts[i] = RleHeader.readUL(bot, 4 * i);
            ByteArrayOutputStream cur = null;
            long pos = 0;
            int frame = -1;
            for (byte[] frag : fragments) {
                if (frame + 1 < frameCount && pos == starts[frame + 1]) {
                    if (cur != null) out.add(cur.toByteArray());
                    cur = new ByteArrayOutputStream();
                    frame++;
                }
                cur.write(frag);
                pos += 8 + frag.length;
            }
            out.add(cur.toByteArray());
            return out;
        }
        if (frameCount != 1) throw new AssertionError(fragments.size() + " fragments for " + frameCount + " frames");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] frag : fragments) all.write(frag);
        out.add(all.toByteArray());
        return out;
    }

    private static byte[] bytesOf(Object o) throws IOException {
        if (o instanceof byte[] b) return b;
        BulkData bd = (BulkData) o;
        try (RandomAccessFile raf = new RandomAccessFile(bd.file().toFile(), "r")) {
            byte[] b = new byte[(int) bd.length()];
            raf.seek(bd.offset());
            raf.readFully(b);
            return b;
        }
    }

    /** The frame's samples as native little-endian bytes (PS3.5 8.1.1). */
    static byte[] nativeBytes(FrameBuffer fb) {
        int n = fb.sampleCount();
        return switch (fb.kind()) {
            case BYTE -> java.util.Arrays.copyOf(fb.bytes(), n);
            case SHORT -> {
                byte[] b = new byte[n * 2];
                for (int i = 0; i < n; i++) {
                    b[2 * i] = (byte) fb.shorts()[i];
                    b[2 * i + 1] = (byte) (fb.shorts()[i] >> 8);
                }
                yield b;
            }
            case INT -> {
                byte[] b = new byte[n * 4];
                for (int i = 0; i < n; i++) RleHeader.writeUL(b, 4 * i, fb.ints()[i]);
                yield b;
            }
        };
    }

    /** Fills {@code fb} from native little-endian bytes of frame {@code index}, colour-by-plane when asked. */
    static void fromNative(byte[] pixelData, int index, org.pdistation.imaging.codec.ImageDescriptor d, FrameBuffer fb)
            throws Exception {
        fb.reset(d);
        int n = fb.sampleCount();
        int bytes = d.containerBytes();
        int base = index * n * bytes;
        int spp = d.samplesPerPixel();
        int pixels = n / spp;
        for (int i = 0; i < n; i++) {
            // planar configuration 1: all of sample 0, then sample 1... (PS3.3 C.7.6.3.1.3)
            int src = d.planarConfiguration() == 1 ? (i % spp) * pixels + i / spp : i;
            int at = base + src * bytes;
            switch (fb.kind()) {
                case BYTE -> fb.bytes()[i] = pixelData[at];
                case SHORT -> fb.shorts()[i] = (short) ((pixelData[at] & 0xFF) | (pixelData[at + 1] & 0xFF) << 8);
                case INT -> fb.ints()[i] = (int) RleHeader.readUL(pixelData, at);
            }
        }
    }

    static Path tempDir() throws IOException {
        return java.nio.file.Files.createTempDirectory("rle-test");
    }
}
