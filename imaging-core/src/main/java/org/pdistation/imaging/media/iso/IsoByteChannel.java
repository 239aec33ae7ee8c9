package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over one file's extents in an image, using positional reads of the image channel. */
final class IsoByteChannel implements SeekableByteChannel {
    private final IsoEntry entry;
    private final FileChannel image;
    private long position;
    private boolean open = true;

    IsoByteChannel(IsoEntry entry, FileChannel image) {
        this.entry = entry;
        this.image = image;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= entry.size()) return -1;
        if (!dst.hasRemaining()) return 0;
        long skip = position;
        int i = 0;
        while (skip >= entry.extentLength(i)) {
            skip -= entry.extentLength(i);
            i++;
        }
        long left = entry.extentLength(i) - skip;
        int want = (int) Math.min(dst.remaining(), left);
        if (entry.extentStart(i) < 0) { // a UDF extent allocated but not recorded reads as zeros
            for (int k = 0; k < want; k++) dst.put((byte) 0);
            position += want;
            return want;
        }
        ByteBuffer slice = dst.slice().limit(want);
        int n = image.read(slice, entry.extentStart(i) + skip);
        if (n < 0) throw new IOException("image ends inside a file extent at " + (entry.extentStart(i) + skip));
        dst.position(dst.position() + n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) throw new IllegalArgumentException("negative position " + newPosition);
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return entry.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open && image.isOpen();
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) throw new ClosedChannelException();
    }
}
