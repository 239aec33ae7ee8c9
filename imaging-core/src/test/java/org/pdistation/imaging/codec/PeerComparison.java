package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;

/** Test helper: decodes every frame of a compressed file with our decoder and compares with a peer's native output. */
public final class PeerComparison {
    private PeerComparison() {}

    /**
     * Runs the first peer command line (input and output paths are appended) that succeeds and compares every frame.
     *
     * @param minPsnr {@code Double.POSITIVE_INFINITY} for lossless (exact) comparison
     * @param refusable frames our decoder may refuse with a CodecException whose message contains this text
     *                  (null: none), e.g. tiles whose JPEG header is smaller than Rows x Columns
     * @return a one-line summary
     */
    public static String compare(FrameDecoder decoder, Path compressed, Path work, double minPsnr, String refusable,
                                 List<List<String>> peers) throws Exception {
        Dataset ds = DicomReader.read(compressed, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        List<byte[]> frames = EncapsulatedFrames.of(ds, desc.frames());
        assertEquals(desc.frames(), frames.size(), "frames found in the fragments of " + compressed);

        Path out = work.resolve(compressed.getFileName() + ".native.dcm");
        Peers.Result result = null;
        String peerName = null;
        for (List<String> peer : peers) {
            List<String> cmd = new ArrayList<>(peer);
            cmd.add(compressed.toString());
            cmd.add(out.toString());
            result = Peers.run(Duration.ofMinutes(2), cmd);
            peerName = Path.of(peer.get(0)).getFileName().toString();
            if (result.exitCode() == 0) break;
        }
        result.requireSuccess();
        PeerPixels peer = PeerPixels.read(out);
        return compareFrames(decoder, compressed, desc, frames, peer, minPsnr, refusable) + " vs " + peerName;
    }

    /** Compares every frame with a peer's native pixels already at hand. */
    public static String compareFrames(FrameDecoder decoder, Path compressed, ImageDescriptor desc, List<byte[]> frames,
                                       PeerPixels peer, double minPsnr, String refusable) throws Exception {
        FrameBuffer buf = new FrameBuffer();
        long worstMax = 0;
        double worstPsnr = Double.POSITIVE_INFINITY;
        int refused = 0;
        for (int f = 0; f < frames.size(); f++) {
            byte[] frame = frames.get(f);
            Photometric pi;
            try {
                pi = decoder.decode(frame, 0, frame.length, desc, buf);
            } catch (CodecException e) {
                if (refusable == null || !String.valueOf(e.getMessage()).contains(refusable)) throw e;
                refused++;
                continue;
            }
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
                + (refused > 0 ? ", " + refused + " refused (" + refusable + ")" : "")
                + ", worst " + new PeerPixels.Diff(worstMax, worstPsnr);
    }

    /** For files no peer can read: every frame must decode to the described geometry. */
    public static String decodeOnly(FrameDecoder decoder, Path compressed) throws Exception {
        Dataset ds = DicomReader.read(compressed, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        List<byte[]> frames = EncapsulatedFrames.of(ds, desc.frames());
        FrameBuffer buf = new FrameBuffer();
        for (byte[] frame : frames) {
            decoder.decode(frame, 0, frame.length, desc, buf);
            assertEquals(desc.samples(), buf.sampleCount());
        }
        return compressed.getFileName() + ": " + frames.size() + " frame(s) decoded, no peer reads this file";
    }
}
