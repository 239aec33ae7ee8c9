package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image as the UDF reader sees it: bounds-checked reads of whole descriptors, the problems found so far (a bad
 * descriptor is reported and skipped, the rest of the image is still read) and the partitions of the logical volume
 * that map logical block numbers to sectors.
 */
final class UdfSource {
    /** A type 1 partition map (ECMA-167 3/10.7.2) resolved through its Partition Descriptor. */
    record Partition(int number, long start, long length) {}

    static final int MAX_PROBLEMS = 1000;

    final Path file;
    final FileChannel channel;
    final long size;
    final List<String> problems = new ArrayList<>();
    /** Indexed by partition reference number (the order of the LVD's partition maps); null where unsupported. */
    final List<Partition> partitions = new ArrayList<>();

    UdfSource(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    long sectors() {
        return size / UdfBytes.SECTOR;
    }

    byte[] sector(long sector) throws IOException {
        return read(sector * UdfBytes.SECTOR, UdfBytes.SECTOR);
    }

    /** Exactly {@code len} bytes at {@code offset}, checked against the image size first. */
    byte[] read(long offset, int len) throws IOException {
        if (offset < 0 || len < 0 || offset + len > size) {
            throw corrupt(offset / UdfBytes.SECTOR, len + " bytes at offset " + offset
                    + " lie beyond the end of the image (" + size + " bytes)");
        }
        byte[] out = new byte[len];
        ByteBuffer buf = ByteBuffer.wrap(out);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw corrupt(offset / UdfBytes.SECTOR, "image ends while reading " + len + " bytes at " + offset);
            }
        }
        return out;
    }

    /**
     * The sector of logical block {@code block} in the partition of reference number {@code ref}; an IOException
     * when the partition is unknown or unsupported or the block lies outside it.
     */
    long sectorOf(int ref, long block, String what) throws IOException {
        Partition p = ref >= 0 && ref < partitions.size() ? partitions.get(ref) : null;
        if (p == null) {
            throw new IOException(file + ": " + what + " lies in partition reference " + ref
                    + (ref >= 0 && ref < partitions.size() ? ", whose partition map type is not supported"
                    : ", which the Logical Volume Descriptor does not map"));
        }
        if (block < 0 || block >= p.length) {
            throw new IOException(file + ": " + what + " at logical block " + block + " lies outside partition "
                    + p.number + " (" + p.length + " blocks)");
        }
        return p.start + block;
    }

    void problem(long sector, String what) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("UDF sector " + sector + ": " + what);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("UDF: more than " + MAX_PROBLEMS + " problems; the rest are not listed");
        }
    }

    IOException corrupt(long sector, String what) {
        return new IOException(file + ": UDF sector " + sector + ": " + what);
    }
}
