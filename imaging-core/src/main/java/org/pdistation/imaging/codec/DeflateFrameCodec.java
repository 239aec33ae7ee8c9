package org.pdistation.imaging.codec;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflated Image Frame Compression (PS3.5 A.4.12, 1.2.840.10008.1.2.8.1): each frame is its native little-endian
 * bytes compressed with raw deflate (RFC 1951), as Deflated Explicit VR Little Endian does for whole datasets.
 */
final class DeflateFrameCodec implements FrameDecoder, FrameEncoder {
    private final Inflater inflater = new Inflater(true);
    private byte[] scratch = new byte[0];

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        long expected = desc.bitsAllocated() == 1 ? (desc.samples() + 7) / 8 : desc.nativeFrameLength();
        if (expected > Integer.MAX_VALUE - 8) throw new CodecException("frame of " + expected + " bytes is too large");
        if (scratch.length < expected) scratch = new byte[(int) expected];
        inflater.reset();
        inflater.setInput(src, offset, length);
        int n = 0;
        try {
            while (n < expected) {
                int r = inflater.inflate(scratch, n, (int) expected - n);
                if (r == 0) {
                    if (inflater.finished() || inflater.needsInput()) break;
                    if (inflater.needsDictionary()) throw new CodecException("deflate stream needs a preset dictionary");
                }
                n += r;
            }
        } catch (DataFormatException e) {
            throw new CodecException("corrupt deflate stream after " + n + " output bytes: " + e.getMessage(), e);
        }
        NativeFrames.read(scratch, 0, 0, n, desc, false, dst);
        return desc.photometric();
    }

    @Override
    public byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        byte[] raw = NativeEncoding.toLittleEndian(src, desc);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buf = new byte[65536];
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
