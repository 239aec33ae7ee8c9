package org.pdistation.imaging.codec;

/**
 * Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 A.4.11): each frame is its native little-endian bytes
 * in its own fragment(s), so frames can be located without arithmetic on a huge value.
 */
final class EncapsulatedUncompressedCodec implements FrameDecoder, FrameEncoder {
    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        NativeFrames.read(src, offset, 0, length, desc, false, dst);
        return desc.photometric();
    }

    @Override
    public byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        return NativeEncoding.toLittleEndian(src, desc);
    }
}
