package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a UDF directory tree (ECMA-167 part 4): File Entries and Extended File Entries, their short, long, extended
 * or embedded allocation descriptors (with Allocation Extent Descriptors), and the File Identifier Descriptors of
 * each directory. A bad descriptor below the root is reported with its sector and skipped; the rest of the tree is
 * still read. Depth, entry count, directory sizes, extent counts and descriptor chains are bounded.
 */
final class UdfTreeReader {
    static final int MAX_DEPTH = 64;
    static final int MAX_ENTRIES = 1_000_000;
    static final long MAX_DIRECTORY_BYTES = 16L << 20;
    static final long MAX_TOTAL_DIRECTORY_BYTES = 512L << 20;
    static final int MAX_EXTENTS = 65_536;
    static final int MAX_AED_HOPS = 1024;
    /** Larger than any disc; a hostile information length of 2^63 is refused instead of believed. */
    static final long MAX_FILE = 1L << 42;

    /** ECMA-167 4/14.6.6: ICB file types we read. */
    private static final int TYPE_DIRECTORY = 4;
    private static final int TYPE_FILE = 5;

    /** One File Entry as read: kind, data extents (byte offsets; -1 = not recorded, reads as zeros), size, time. */
    private record Node(boolean directory, long[] starts, long[] lengths, long size, Instant time, long sector,
                        int permissions) {}

    private final UdfSource src;
    private final Set<Long> visited = new HashSet<>();
    private int entries;
    private long directoryBytes;

    UdfTreeReader(UdfSource src) {
        this.src = src;
    }

    IsoEntry readRoot(int ref, long block) throws IOException {
        Node n = fileEntry(ref, block, "/");
        // fileEntry gives null for a type that is neither directory nor file (a symlink, a device): not a root.
        if (n == null || !n.directory) {
            throw src.corrupt(n == null ? src.sectorOf(ref, block, "the root File Entry") : n.sector,
                    "the root File Entry is not a directory");
        }
        IsoEntry root = new IsoEntry("", true, n.starts, n.lengths, n.time, n.permissions);
        readDirectory(root, n, "/", 1);
        return root;
    }

    private void readDirectory(IsoEntry dir, Node n, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            src.problem(n.sector, path + ": directories nested deeper than " + MAX_DEPTH + "; not read");
            return;
        }
        if (!visited.add(n.sector)) {
            src.problem(n.sector, path + ": directory loop (this File Entry is already a directory); not read");
            return;
        }
        if (n.size > MAX_DIRECTORY_BYTES || directoryBytes + n.size > MAX_TOTAL_DIRECTORY_BYTES) {
            src.problem(n.sector, path + ": directory of " + n.size + " bytes is beyond the limits ("
                    + MAX_DIRECTORY_BYTES + " bytes each, " + MAX_TOTAL_DIRECTORY_BYTES + " in all); not read");
            return;
        }
        directoryBytes += n.size;
        byte[] data = contents(n);
        List<IsoEntry> subdirs = new ArrayList<>();
        List<Node> subnodes = new ArrayList<>();
        int pos = 0;
        // ECMA-167 4/14.4: File Identifier Descriptors follow one another, each padded to a multiple of 4 bytes
        while (pos + 38 <= data.length) {
            String bad = UdfBytes.tagProblem(data, pos, data.length - pos, UdfBytes.FID, -1);
            if (bad != null) {
                src.problem(n.sector, path + ": File Identifier Descriptor at byte " + pos
                        + " of the directory: " + bad + "; the rest of this directory is not read");
                break;
            }
            int characteristics = data[pos + 18] & 0xFF;
            int nameLength = data[pos + 19] & 0xFF;
            long icbBlock = UdfBytes.u32(data, pos + 24);
            int icbRef = UdfBytes.u16(data, pos + 28);
            int implUse = UdfBytes.u16(data, pos + 36);
            int length = (38 + implUse + nameLength + 3) & ~3;
            if (pos + 38 + implUse + nameLength > data.length) {
                src.problem(n.sector, path + ": File Identifier Descriptor at byte " + pos + " overruns the"
                        + " directory (" + data.length + " bytes); the rest of this directory is not read");
                break;
            }
            int at = pos;
            pos += length;
            if ((characteristics & 0x0C) != 0) continue; // 4/14.4.3: bit 2 deleted, bit 3 parent
            String name = UdfBytes.readCs0(data, at + 38 + implUse, nameLength);
            if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                    || name.indexOf('\0') >= 0) {
                src.problem(n.sector, path + ": File Identifier Descriptor at byte " + at + " has "
                        + (name == null ? "an unknown CS0 compression ID " + (data[at + 38 + implUse] & 0xFF)
                        : "the name \"" + name + "\", which cannot be a file name") + "; skipped");
                continue;
            }
            if (++entries > MAX_ENTRIES) throw src.corrupt(n.sector, "more than " + MAX_ENTRIES + " entries");
            Node child;
            try {
                child = fileEntry(icbRef, icbBlock, path + name);
            } catch (IOException e) {
                src.problem(n.sector, path + name + ": " + e.getMessage() + "; skipped");
                continue;
            }
            if (child == null) continue;
            IsoEntry e = new IsoEntry(name, child.directory, child.starts, child.lengths, child.time,
                    child.permissions);
            if (!dir.add(e)) {
                src.problem(n.sector, path + name + ": a second entry of this name; skipped");
            } else if (child.directory) {
                subdirs.add(e);
                subnodes.add(child);
            }
        }
        for (int i = 0; i < subdirs.size(); i++) {
            readDirectory(subdirs.get(i), subnodes.get(i), path + subdirs.get(i).name() + "/", depth + 1);
        }
    }

    /** A directory's data read into memory (its size is bounded by the caller). */
    private byte[] contents(Node n) throws IOException {
        byte[] out = new byte[(int) n.size];
        int at = 0;
        for (int i = 0; i < n.starts.length; i++) {
            int len = (int) n.lengths[i];
            if (n.starts[i] >= 0) System.arraycopy(src.read(n.starts[i], len), 0, out, at, len);
            at += len;
        }
        return out;
    }

    /**
     * ECMA-167 4/14.9 (File Entry) or 4/14.17 (Extended File Entry) at logical block {@code block} of partition
     * reference {@code ref}; null (with a problem) for a file type other than a directory or a regular file.
     */
    private Node fileEntry(int ref, long block, String path) throws IOException {
        long sector = src.sectorOf(ref, block, "the File Entry of " + path);
        byte[] b = src.sector(sector);
        String bad = UdfBytes.tagProblem(b, 0, UdfBytes.SECTOR, -1, block);
        int id = UdfBytes.u16(b, 0);
        if (bad == null && id != UdfBytes.FE && id != UdfBytes.EFE) {
            bad = UdfBytes.name(id) + " where a File Entry was expected";
        }
        if (bad != null) throw src.corrupt(sector, "File Entry of " + path + ": " + bad);
        boolean extended = id == UdfBytes.EFE;
        int strategy = UdfBytes.u16(b, 16 + 4);
        int fileType = b[16 + 11] & 0xFF;
        int adType = UdfBytes.u16(b, 16 + 18) & 7;
        if (strategy != 4) {
            throw src.corrupt(sector, "File Entry of " + path + ": ICB strategy " + strategy
                    + " is not supported (UDF 1.02 2.3.5.1 records strategy 4)");
        }
        if (fileType != TYPE_DIRECTORY && fileType != TYPE_FILE) {
            src.problem(sector, path + ": file type " + fileType + " (not a directory or regular file); skipped");
            return null;
        }
        long infoLength = UdfBytes.u64(b, 56);
        Instant time = UdfBytes.readTimestamp(b, extended ? 92 : 84);
        long eaLength = UdfBytes.u32(b, extended ? 208 : 168);
        long adLength = UdfBytes.u32(b, extended ? 212 : 172);
        int adStart = (extended ? 216 : 176) + (int) Math.min(eaLength, UdfBytes.SECTOR);
        if (eaLength > UdfBytes.SECTOR || adStart + adLength > UdfBytes.SECTOR) {
            throw src.corrupt(sector, "File Entry of " + path + ": extended attributes (" + eaLength
                    + " bytes) and allocation descriptors (" + adLength + " bytes) overrun the block");
        }
        if (infoLength < 0 || infoLength > MAX_FILE) {
            throw src.corrupt(sector, "File Entry of " + path + ": information length " + Long.toUnsignedString(
                    infoLength) + " is impossible");
        }
        Extents x = new Extents(sector, path, infoLength);
        if (adType == 3) { // 4/14.6.8: the data is embedded in the File Entry
            if (adLength < infoLength) {
                src.problem(sector, path + ": " + adLength + " embedded bytes for an information length of "
                        + infoLength + "; reading what is there");
            }
            x.add(sector * UdfBytes.SECTOR + adStart, Math.min(adLength, infoLength));
        } else if (adType <= 2) {
            descriptors(b, adStart, (int) adLength, adType, ref, x);
        } else {
            throw src.corrupt(sector, "File Entry of " + path + ": allocation descriptor type " + adType);
        }
        if (x.total < infoLength) {
            src.problem(sector, path + ": allocation descriptors cover " + x.total + " of " + infoLength
                    + " bytes; the file is cut there");
        }
        // ECMA-167 4/14.9.5 (the same offset in an Extended File Entry, 4/14.17): 15 permission bits
        int permissions = (int) (UdfBytes.u32(b, 44) & 0x7FFF);
        return new Node(fileType == TYPE_DIRECTORY, x.starts(), x.lengths(), x.total, time, sector, permissions);
    }

    /** The extents of one file, trimmed to its information length. */
    private final class Extents {
        final long sector;
        final String path;
        final long wanted;
        final List<long[]> list = new ArrayList<>();
        long total;

        Extents(long sector, String path, long wanted) {
            this.sector = sector;
            this.path = path;
            this.wanted = wanted;
        }

        boolean full() {
            return total >= wanted;
        }

        void add(long start, long length) throws IOException {
            if (list.size() >= MAX_EXTENTS) {
                throw src.corrupt(sector, "File Entry of " + path + ": more than " + MAX_EXTENTS + " extents");
            }
            long len = Math.min(length, wanted - total);
            if (len <= 0) return;
            if (start >= 0 && start + len > src.size) {
                src.problem(sector, path + ": extent at byte " + start + " of " + len
                        + " bytes runs past the image end; the file is cut there");
                len = Math.max(0, src.size - start);
                list.add(new long[] {start, len});
                total += len;
                total = wanted; // nothing after a cut extent can be trusted
                return;
            }
            list.add(new long[] {start, len});
            total += len;
        }

        long[] starts() {
            return list.stream().mapToLong(e -> e[0]).toArray();
        }

        long[] lengths() {
            long[] out = list.stream().mapToLong(e -> e[1]).toArray();
            long sum = 0;
            for (long l : out) sum += l;
            total = sum;
            return out;
        }
    }

    /**
     * ECMA-167 4/14.14: short (8 bytes), long (16) or extended (20) allocation descriptors; the top two bits of the
     * extent length give the extent type: 0 recorded, 1 allocated but not recorded, 2 neither (both read as zeros),
     * 3 the next extent of allocation descriptors (an Allocation Extent Descriptor, 4/14.5).
     */
    private void descriptors(byte[] b, int at, int length, int adType, int ref, Extents x) throws IOException {
        int size = adType == 0 ? 8 : adType == 1 ? 16 : 20;
        int end = at + length;
        int hops = 0;
        Set<Long> chain = new HashSet<>();
        while (!x.full()) {
            if (at + size > end) return;
            long field = UdfBytes.u32(b, at);
            int type = (int) (field >>> 30);
            long len = field & 0x3FFF_FFFFL;
            long block;
            int part;
            if (adType == 0) {
                block = UdfBytes.u32(b, at + 4);
                part = ref;
            } else if (adType == 1) {
                block = UdfBytes.u32(b, at + 4);
                part = UdfBytes.u16(b, at + 8);
            } else {
                block = UdfBytes.u32(b, at + 12);
                part = UdfBytes.u16(b, at + 16);
            }
            at += size;
            if (len == 0) return; // 4/14.14.1.1: a zero length ends the descriptors
            if (type == 3) {
                if (++hops > MAX_AED_HOPS) {
                    throw src.corrupt(x.sector, "File Entry of " + x.path + ": more than " + MAX_AED_HOPS
                            + " Allocation Extent Descriptors");
                }
                long sector = src.sectorOf(part, block, "an Allocation Extent Descriptor of " + x.path);
                if (!chain.add(sector)) {
                    throw src.corrupt(sector, "Allocation Extent Descriptors of " + x.path + " loop");
                }
                b = src.sector(sector);
                String bad = UdfBytes.tagProblem(b, 0, UdfBytes.SECTOR, UdfBytes.AED, block);
                if (bad != null) throw src.corrupt(sector, "Allocation Extent Descriptor of " + x.path + ": " + bad);
                long l = UdfBytes.u32(b, 20);
                at = 24;
                end = (int) Math.min(UdfBytes.SECTOR, 24 + Math.min(l, Math.max(0, len - 24)));
                continue;
            }
            if (type == 0) {
                long sector = src.sectorOf(part, block, "data of " + x.path);
                x.add(sector * UdfBytes.SECTOR, len);
            } else {
                x.add(-1, len);
            }
        }
    }
}
