package org.pdistation.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens files for reading through their own file-system provider, so that files inside an ISO image (or a ZIP
 * file system) read like files on disk: {@code FileChannel.open} works only on the default provider.
 */
public final class ChannelReads {
    private ChannelReads() {}

    /** A read channel from the path's provider; a {@link FileChannel} on the default file system. */
    public static SeekableByteChannel open(Path file) throws IOException {
        return Files.newByteChannel(file, StandardOpenOption.READ);
    }

    /**
     * Reads into {@code dst} at absolute {@code position}: a positional read on a FileChannel (leaves its position
     * alone), else a seek then read on a channel the caller does not share between threads.
     */
    public static int read(SeekableByteChannel ch, ByteBuffer dst, long position) throws IOException {
        if (ch instanceof FileChannel fc) return fc.read(dst, position);
        return ch.position(position).read(dst);
    }
}
