package org.pdistation.imaging.media.iso;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ISO 9660 image opened for reading: the volume descriptors (ECMA-119 8) and the whole directory tree, read once
 * with bounds on depth, entry count and directory size, so that a corrupt or hostile image gives an
 * {@link IOException} naming the sector instead of a hang or an OutOfMemoryError. The Joliet tree is preferred when
 * present (names as the author wrote them), else the primary tree.
 */
final class IsoImage implements Closeable {
    static final int SECTOR = IsoBytes.SECTOR;
    /** Bounds: ECMA-119 allows 8 levels; relocated Rock Ridge trees go deeper, so allow some slack. */
    static final int MAX_DEPTH = 64;
    static final int MAX_DESCRIPTORS = 256;
    static final int MAX_ENTRIES = 1_000_000;
    static final long MAX_DIRECTORY_BYTES = 16L << 20;
    static final long MAX_TOTAL_DIRECTORY_BYTES = 512L << 20;

    private final Path file;
    private final FileChannel channel;
    private final long imageSize;
    private final IsoEntry root;
    private final boolean joliet;
    private final String volumeId;
    private final ImageFormat format;
    private final List<String> problems;
    private final Set<Long> visited = new HashSet<>();
    private int entries;
    private long directoryBytes;

    private IsoImage(Path file, FileChannel channel, boolean preferJoliet) throws IOException {
        this.file = file;
        this.channel = channel;
        this.imageSize = channel.size();
        byte[] primary = null;
        byte[] supplementary = null;
        long supplementarySector = 0;
        for (int i = 0; ; i++) {
            long sector = 16 + i;
            if (i >= MAX_DESCRIPTORS) {
                throw corrupt(sector, 0, "no volume descriptor set terminator within " + MAX_DESCRIPTORS
                        + " descriptors");
            }
            if ((sector + 1) * SECTOR > imageSize) {
                throw corrupt(sector, 0, "image ends (" + imageSize + " bytes) before the volume descriptor"
                        + " set terminator");
            }
            byte[] d = read(sector * SECTOR, SECTOR);
            // ECMA-119 8.1: type, "CD001", version 1
            if (!"CD001".equals(new String(d, 1, 5, StandardCharsets.US_ASCII))) {
                throw corrupt(sector, 1, "not an ISO 9660 volume descriptor (standard identifier is not CD001)");
            }
            int type = d[0] & 0xFF;
            if (type == 255) break;
            if (type == 1 && primary == null) primary = d;
            if (type == 2 && supplementary == null && isJoliet(d)) {
                supplementary = d;
                supplementarySector = sector;
            }
        }
        if (primary == null) throw corrupt(16, 0, "no primary volume descriptor");
        this.joliet = preferJoliet && supplementary != null;
        byte[] vd = joliet ? supplementary : primary;
        long vdSector = joliet ? supplementarySector : 16;
        int blockSize = IsoBytes.le16(vd, 128);
        if (blockSize != SECTOR) {
            throw corrupt(vdSector, 128, "logical block size " + blockSize + "; only 2048 is supported");
        }
        this.volumeId = joliet ? new String(vd, 40, 32, StandardCharsets.UTF_16BE).strip()
                : new String(vd, 40, 32, StandardCharsets.US_ASCII).strip();
        this.format = joliet ? ImageFormat.JOLIET : ImageFormat.ISO9660;
        this.problems = List.of();
        Record r = record(vd, 156, vdSector * SECTOR + 156, vdSector, true);
        if (!r.directory) throw corrupt(vdSector, 156, "the root directory record is not a directory");
        this.root = new IsoEntry("", true, new long[] {r.start}, new long[] {r.length}, r.time);
        readDirectory(root, r.start, r.length, 1);
        visited.clear();
    }

    /** A UDF volume read by {@link UdfVolumeReader}. */
    private IsoImage(Path file, FileChannel channel, UdfVolumeReader.Volume udf) throws IOException {
        this.file = file;
        this.channel = channel;
        this.imageSize = channel.size();
        this.root = udf.root();
        this.joliet = false;
        this.volumeId = udf.volumeId();
        this.format = ImageFormat.UDF;
        this.problems = udf.problems();
    }

    /**
     * The ISO 9660 tree (Joliet preferred) when it reads; else the UDF tree, so a UDF-only image and a bridge image
     * whose ISO 9660 side is missing or broken still open. When neither reads, the error of the side the image
     * announces (CD001 first) is thrown with the other's attached.
     */
    static IsoImage open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            try {
                return new IsoImage(file, ch, true);
            } catch (IOException isoError) {
                if (!UdfVolumeReader.hasRecognitionSequence(ch)) throw isoError;
                try {
                    return new IsoImage(file, ch, UdfVolumeReader.read(file, ch));
                } catch (IOException udfError) {
                    IOException first = hasCd001(ch) ? isoError : udfError;
                    first.addSuppressed(first == isoError ? udfError : isoError);
                    throw first;
                }
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The ECMA-119 primary tree (Level 1 names) only, even when the image also has a Joliet or UDF tree. */
    static IsoImage openPrimary(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new IsoImage(file, ch, false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The UDF tree of a bridge or UDF-only image, whatever its ISO 9660 side holds. */
    static IsoImage openUdf(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (!UdfVolumeReader.hasRecognitionSequence(ch)) throw new IOException(file + ": no UDF volume"
                    + " (no NSR02/NSR03 in the Volume Recognition Sequence, ECMA-167 2/9.1)");
            return new IsoImage(file, ch, UdfVolumeReader.read(file, ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static boolean hasCd001(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(6);
        ch.read(b, 16L * SECTOR);
        return "CD001".equals(new String(b.array(), 1, 5, StandardCharsets.US_ASCII));
    }

    /** Joliet: a supplementary descriptor whose escape sequences name UCS-2 level 1, 2 or 3. */
    private static boolean isJoliet(byte[] d) {
        return d[88] == '%' && d[89] == '/' && (d[90] == '@' || d[90] == 'C' || d[90] == 'E');
    }

    Path file() { return file; }

    IsoEntry root() { return root; }

    boolean joliet() { return joliet; }

    String volumeId() { return volumeId; }

    ImageFormat format() { return format; }

    List<String> problems() { return problems; }

    long imageSize() { return imageSize; }

    FileChannel channel() { return channel; }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ----- directory records ------------------------------------------------------------------------------------

    private record Record(String name, boolean directory, boolean moreExtents, long start, long length,
                          java.time.Instant time) {}

    private void readDirectory(IsoEntry dir, long start, long length, int depth) throws IOException {
        long sector = start / SECTOR;
        if (depth > MAX_DEPTH) throw corrupt(sector, 0, "directories nested deeper than " + MAX_DEPTH);
        if (!visited.add(start)) throw corrupt(sector, 0, "directory loop: this extent is already a directory");
        if (length > MAX_DIRECTORY_BYTES) {
            throw corrupt(sector, 0, "directory of " + length + " bytes (more than " + MAX_DIRECTORY_BYTES + ")");
        }
        directoryBytes += length;
        if (directoryBytes > MAX_TOTAL_DIRECTORY_BYTES) {
            throw corrupt(sector, 0, "directories hold more than " + MAX_TOTAL_DIRECTORY_BYTES + " bytes");
        }
        byte[] b = read(start, (int) length);
        List<Record> records = new ArrayList<>();
        int pos = 0;
        boolean dots = true;
        while (pos < b.length) {
            int len = b[pos] & 0xFF;
            if (len == 0) { // ECMA-119 6.8.1.1: the rest of the sector is unused
                pos = (pos / SECTOR + 1) * SECTOR;
                continue;
            }
            long at = start + pos;
            if (len < 34 || pos % SECTOR + len > SECTOR || pos + len > b.length) {
                throw corrupt(at / SECTOR, (int) (at % SECTOR), "directory record length " + len
                        + " is impossible here");
            }
            Record r = record(b, pos, at, at / SECTOR, false);
            pos += len;
            if (r == null) continue; // "." or ".."
            if (++entries > MAX_ENTRIES) throw corrupt(at / SECTOR, 0, "more than " + MAX_ENTRIES + " entries");
            records.add(r);
        }
        List<IsoEntry> subdirs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            if (r.directory) {
                IsoEntry e = new IsoEntry(r.name, true, new long[] {r.start}, new long[] {r.length}, r.time);
                if (dir.add(e)) subdirs.add(e);
                continue;
            }
            // ECMA-119 9.1.6 bit 7: a file of several extents is recorded as consecutive records of one name
            List<Record> parts = new ArrayList<>(List.of(r));
            while (r.moreExtents && i + 1 < records.size() && records.get(i + 1).name.equals(r.name)) {
                r = records.get(++i);
                parts.add(r);
            }
            long[] s = new long[parts.size()];
            long[] l = new long[parts.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = parts.get(k).start;
                l[k] = parts.get(k).length;
            }
            dir.add(new IsoEntry(r.name, false, s, l, parts.get(0).time));
        }
        for (IsoEntry sub : subdirs) {
            readDirectory(sub, sub.extentStart(0), sub.extentLength(0), depth + 1);
        }
    }

    /** ECMA-119 9.1: one directory record at {@code off} in {@code b}; null for "." and "..". */
    private Record record(byte[] b, int off, long at, long sector, boolean root) throws IOException {
        int len = b[off] & 0xFF;
        int ear = b[off + 1] & 0xFF;
        long loc = IsoBytes.le32(b, off + 2);
        long size = IsoBytes.le32(b, off + 10);
        if (loc != be32(b, off + 6) || size != be32(b, off + 14)) {
            throw corrupt(sector, (int) (at % SECTOR), "both-byte-order fields of a directory record disagree");
        }
        int flags = b[off + 25] & 0xFF;
        int idLen = b[off + 32] & 0xFF;
        if (33 + idLen > len) {
            throw corrupt(sector, (int) (at % SECTOR), "identifier of " + idLen + " bytes overruns its record");
        }
        if (idLen == 0) throw corrupt(sector, (int) (at % SECTOR), "directory record without an identifier");
        if (idLen == 1 && (b[off + 33] == 0 || b[off + 33] == 1) && !root) return null;
        String name = root ? "/" : name(b, off + 33, idLen);
        if (!root && name.isEmpty() || name.equals(".") || name.equals("..") || !root && name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw corrupt(sector, (int) (at % SECTOR), "identifier \"" + name + "\" cannot be a file name");
        }
        boolean directory = (flags & 0x02) != 0;
        if ((b[off + 26] & 0xFF) != 0 || (b[off + 27] & 0xFF) != 0) {
            throw corrupt(sector, (int) (at % SECTOR), name + ": interleaved files are not supported");
        }
        long start = (loc + ear) * SECTOR;
        if (size > 0 && (loc + ear >= imageSize / SECTOR + 1 || start + size > imageSize)) {
            throw corrupt(sector, (int) (at % SECTOR), name + ": extent at sector " + loc + " of " + size
                    + " bytes lies beyond the end of the image (" + imageSize + " bytes)");
        }
        if (directory && size == 0) {
            throw corrupt(sector, (int) (at % SECTOR), name + ": directory with an empty extent");
        }
        return new Record(name, directory, (flags & 0x80) != 0, start, size, IsoBytes.readDate7(b, off + 18));
    }

    /** Strips the version (";1") and, for ISO 9660 names, a trailing dot (ECMA-119 7.5.1: "DICOMDIR."). */
    private String name(byte[] b, int off, int len) {
        String n = joliet ? new String(b, off, len & ~1, StandardCharsets.UTF_16BE)
                : new String(b, off, len, StandardCharsets.ISO_8859_1);
        int semi = n.lastIndexOf(';');
        if (semi >= 0) n = n.substring(0, semi);
        if (n.endsWith(".") && n.length() > 1) n = n.substring(0, n.length() - 1);
        return n;
    }

    private static long be32(byte[] b, int off) {
        return (b[off] & 0xFFL) << 24 | (b[off + 1] & 0xFFL) << 16 | (b[off + 2] & 0xFFL) << 8 | (b[off + 3] & 0xFFL);
    }

    /** Reads exactly {@code len} bytes at {@code offset}, checked against the image size first. */
    byte[] read(long offset, int len) throws IOException {
        if (offset < 0 || offset + len > imageSize) {
            throw corrupt(offset / SECTOR, 0, len + " bytes at offset " + offset + " lie beyond the image end ("
                    + imageSize + " bytes)");
        }
        byte[] out = new byte[len];
        ByteBuffer buf = ByteBuffer.wrap(out);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw corrupt(offset / SECTOR, 0, "image ends while reading " + len + " bytes at " + offset);
            }
        }
        return out;
    }

    private IOException corrupt(long sector, int offset, String what) {
        return new IOException(file + ": sector " + sector + " offset " + offset + ": " + what);
    }
}
