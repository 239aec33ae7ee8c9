package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Test helper: feeds seeded mutations of a real frame (truncation, byte flips, overwritten header bytes) to a
 * decoder, which must either decode or throw CodecException — nothing else, and never read outside the range.
 */
public final class MutationRunner {
    private MutationRunner() {}

    public record Outcome(int decoded, int refused) {}

    public static Outcome run(FrameDecoder decoder, Path file, long seed, int count) throws Exception {
        Dataset ds = DicomReader.read(file, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        byte[] frame = EncapsulatedFrames.of(ds, desc.frames()).get(0);
        SplittableRandom rnd = new SplittableRandom(seed);
        FrameBuffer buf = new FrameBuffer();
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < count; i++) {
            byte[] m = mutate(frame, rnd);
            // Embed in a larger array with guard bytes, so reading outside [off, off+len) would be noticed as
            // garbage rather than silently succeed.
            int off = 7;
            byte[] padded = new byte[m.length + 14];
            Arrays.fill(padded, (byte) 0xFF);
            System.arraycopy(m, 0, padded, off, m.length);
            try {
                decoder.decode(padded, off, m.length, desc, buf);
                decoded++;
            } catch (CodecException e) {
                refused++;
            } catch (Throwable t) {
                fail("mutation " + i + " (seed " + seed + ") of " + file.getFileName() + " threw " + t, t);
            }
        }
        return new Outcome(decoded, refused);
    }

    static byte[] mutate(byte[] src, SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> { // truncation anywhere, headers included
                return Arrays.copyOf(src, rnd.nextInt(src.length));
            }
            case 1 -> { // a few random byte flips anywhere
                byte[] m = src.clone();
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) m[rnd.nextInt(m.length)] ^= (byte) (1 + rnd.nextInt(255));
                return m;
            }
            case 2 -> { // overwrite bytes in the main header, where sizes and counts live
                byte[] m = src.clone();
                int head = Math.min(m.length, 200);
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) m[rnd.nextInt(head)] = (byte) rnd.nextInt(256);
                return m;
            }
            default -> { // flips plus truncation
                byte[] m = Arrays.copyOf(src, Math.max(1, src.length - rnd.nextInt(Math.max(1, src.length / 2))));
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) m[rnd.nextInt(m.length)] ^= (byte) (1 + rnd.nextInt(255));
                return m;
            }
        }
    }
}
