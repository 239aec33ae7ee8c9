package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test helpers that edit UDF structures of an image our writer made (layout of {@link UdfLayout}). */
final class UdfImages {
    private UdfImages() {}

    /**
     * A UDF-only copy of a bridge image: sectors 16-21 rewritten as a bare Volume Recognition Sequence (BEA01,
     * NSR02, TEA01), so no CD001 descriptor is left and only the UDF structures describe the files.
     */
    static Path udfOnly(Path bridge, Path out) throws IOException {
        Files.copy(bridge, out);
        byte[] b = new byte[6 * 2048];
        System.arraycopy(UdfEncoder.recognitionSequence(), 0, b, 0, 3 * 2048);
        patch(out, 16L * 2048, b);
        return out;
    }

    static void patch(Path img, long offset, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf, offset + buf.position());
        }
    }

    static byte[] read(Path img, long offset, int len) throws IOException {
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(len);
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
                // read fully
            }
            return buf.array();
        }
    }

    /** The partition's first sector, from the Partition Descriptor of the main sequence (sector 34). */
    static long partitionStart(Path img) throws IOException {
        return UdfBytes.u32(read(img, (UdfLayout.MAIN_VDS + 2) * 2048, 2048), 188);
    }

    /** Byte offset in the image of the FID named {@code name} in the root directory (data at block 3). */
    static long rootFid(Path img, String name) throws IOException {
        long dataOffset = (partitionStart(img) + 3) * 2048;
        byte[] d = read(img, dataOffset, 4 * 2048);
        int pos = 0;
        while (pos + 38 < d.length && UdfBytes.u16(d, pos) == UdfBytes.FID) {
            int lfi = d[pos + 19] & 0xFF;
            String n = lfi == 0 ? "" : UdfBytes.readCs0(d, pos + 38, lfi);
            if (n.equals(name)) return dataOffset + pos;
            pos += UdfLayout.fidLength(lfi);
        }
        throw new IOException(name + " not in the root directory");
    }

    /** The sector of the File Entry the root FID {@code name} points at. */
    static long entrySector(Path img, String name) throws IOException {
        byte[] fid = read(img, rootFid(img, name), 38);
        return partitionStart(img) + UdfBytes.u32(fid, 24);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
