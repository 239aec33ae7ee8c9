package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;

/** Test helper: decodes every frame of a compressed file with our decoder and compares with a peer's native output. */
public final class PeerComparison {
    private PeerComparison() {}

    /**
     * @param peerCommand the peer's command line, without the input and output paths appended at the end
     * @param minPsnr     {@code Double.POSITIVE_INFINITY} for lossless (exact) comparison
     * @return a one-line summary
     */
    public static String compare(FrameDecoder decoder, Path compressed, Path work, double minPsnr, String... peerCommand)
            throws Exception {
        Dataset ds = DicomReader.read(compressed, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        List<byte[]> frames = EncapsulatedFrames.of(ds, desc.frames());
        assertEquals(desc.frames(), frames.size(), "frames found in the fragments of " + compressed);

        Path out = work.resolve(compressed.getFileName() + ".native.dcm");
        String[] cmd = java.util.Arrays.copyOf(peerCommand, peerCommand.length + 2);
        cmd[peerCommand.length] = compressed.toString();
        cmd[peerCommand.length + 1] = out.toString();
        Peers.run(Duration.ofMinutes(2), cmd).requireSuccess();
        PeerPixels peer = PeerPixels.read(out);

        FrameBuffer buf = new FrameBuffer();
        long worstMax = 0;
        double worstPsnr = Double.POSITIVE_INFINITY;
        for (int f = 0; f < frames.size(); f++) {
            byte[] frame = frames.get(f);
            Photometric pi = decoder.decode(frame, 0, frame.length, desc, buf);
            assertEquals(peer.desc().photometric(), pi, "photometric of frame " + f + " of " + compressed);
            PeerPixels.Diff d = peer.compare(f, buf, desc.bitsStored());
            worstMax = Math.max(worstMax, d.maxAbs());
            worstPsnr = Math.min(worstPsnr, d.psnr());
            if (Double.isInfinite(minPsnr)) {
                assertEquals(0, d.maxAbs(), "frame " + f + " of " + compressed + " differs from the peer: " + d);
            } else {
                assertTrue(d.psnr() >= minPsnr, "frame " + f + " of " + compressed + ": " + d);
            }
        }
        return compressed.getFileName() + ": " + frames.size() + " frame(s) " + desc.columns() + "x" + desc.rows() + "x"
                + desc.samplesPerPixel() + " " + desc.bitsStored() + "-bit " + desc.photometric().term()
                + ", worst " + new PeerPixels.Diff(worstMax, worstPsnr);
    }
}
