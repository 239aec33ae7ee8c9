package org.pdistation.imaging.codec;

/**
 * Decodes the compressed bytes of one frame (all its fragments concatenated, PS3.5 A.4) into raw samples.
 *
 * <p>Contract shared by every codec:
 * <ul>
 *   <li>The decoder calls {@link FrameBuffer#reset} with the descriptor's rows, columns and samples per pixel and
 *       the container width {@link FrameBuffer.Kind#forBitsAllocated} of the descriptor, then fills every sample.
 *   <li>Samples are written pixel-interleaved (R,G,B,R,G,B…) whatever the planar configuration of the stream.
 *   <li>Sample values are the bit patterns the stream holds, low bits aligned (value of a 12-bit sample in bits
 *       0–11). Sign extension and masking to Bits Stored are the caller's job ({@link FrameBuffer#normalize}).
 *   <li>The return value is the photometric interpretation of the samples as left in the buffer, e.g. RGB when
 *       a JPEG decoder converted YCbCr, or the descriptor's own when it did not.
 *   <li>Corrupt, truncated or mismatching input throws {@link CodecException}; never a runtime exception, an
 *       {@link OutOfMemoryError} or a hang. The decoder never reads past {@code offset + length}.
 *   <li>An instance is used by one thread at a time and may keep scratch buffers between calls.
 * </ul>
 */
public interface FrameDecoder {
    Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException;
}
