package org.pdistation.imaging.codec.imageio;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over a range of a byte array, re-pointable with
 * {@link #wrap} so one decoder can feed every frame through the same object. Unlike
 * {@code MemoryCacheImageInputStream} it copies nothing and can never read outside {@code [offset, offset+length)}.
 */
final class ArrayImageInputStream extends ImageInputStreamImpl {
    private byte[] data = new byte[0];
    private int offset;
    private int length;

    /** Points the stream at a new range and rewinds it. */
    void wrap(byte[] src, int off, int len) {
        this.data = src;
        this.offset = off;
        this.length = len;
        this.streamPos = 0;
        this.flushedPos = 0;
        this.bitOffset = 0;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= length) return -1;
        return data[offset + (int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) throw new IndexOutOfBoundsException("off/len");
        bitOffset = 0;
        if (len == 0) return 0;
        long left = length - streamPos;
        if (left <= 0) return -1;
        int n = (int) Math.min(len, left);
        System.arraycopy(data, offset + (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() { return length; }

    @Override
    public void close() {
        // Nothing to release: the array belongs to the caller. Deliberately no super.close(), which would mark
        // the stream unusable for the next wrap().
    }
}
