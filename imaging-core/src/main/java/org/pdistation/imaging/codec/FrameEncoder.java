package org.pdistation.imaging.codec;

/**
 * Encodes one frame of raw samples (pixel-interleaved, bit patterns as stored, see {@link FrameDecoder}) into the
 * bytes of one compressed frame, losslessly unless the codec says otherwise. The result is the frame's whole
 * codestream; splitting it into fragments and padding to even length is the caller's job.
 */
public interface FrameEncoder {
    byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException;

    /**
     * The photometric interpretation the encoded frame must be described with, given the source's
     * (PS3.5 8.2: e.g. RLE of RGB stays RGB; a codec that converts colour says so here).
     */
    default Photometric encodedPhotometric(Photometric source) { return source; }
}
