package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the volume structure of a UDF image (ECMA-167 3rd edition part 2 and 3, OSTA UDF 1.02 to 2.01): the Volume
 * Recognition Sequence from sector 16, an Anchor Volume Descriptor Pointer (sector 256, N-256 or N-1), the main
 * Volume Descriptor Sequence (else the reserve one), the partitions of the Logical Volume Descriptor and the File
 * Set Descriptor; {@link UdfTreeReader} then reads the directory tree. Every loop and size is bounded.
 */
final class UdfVolumeReader {
    /** What the reader found: the tree, the volume identifier and the problems of descriptors it skipped. */
    record Volume(IsoEntry root, String volumeId, List<String> problems) {}

    /** ECMA-167 2/8.3: how many sectors from 16 may hold volume structure descriptors before we give up. */
    static final int MAX_VRS_SECTORS = 64;
    static final int MAX_VDS_SECTORS = 256;
    static final int MAX_VDP_HOPS = 16;
    static final int MAX_PARTITION_MAPS = 64;
    /** ECMA-167 3/10.6: partition maps start at byte 440 of the Logical Volume Descriptor. */
    static final int MAP_OFFSET = 440;

    private final UdfSource src;

    private UdfVolumeReader(UdfSource src) {
        this.src = src;
    }

    static Volume read(Path file, FileChannel channel) throws IOException {
        UdfSource src = new UdfSource(file, channel);
        return new UdfVolumeReader(src).read();
    }

    /**
     * ECMA-167 2/9.1: true when the sectors from 16 hold an extended area (BEA01 ... TEA01) with an NSR02 or NSR03
     * descriptor, i.e. the image announces a UDF volume.
     */
    static boolean hasRecognitionSequence(FileChannel ch) throws IOException {
        long sectors = ch.size() / UdfBytes.SECTOR;
        boolean extended = false;
        for (int i = 0; i < MAX_VRS_SECTORS && 16 + i < sectors; i++) {
            ByteBuffer b = ByteBuffer.allocate(7);
            ch.read(b, (16L + i) * UdfBytes.SECTOR);
            String id = new String(b.array(), 1, 5, StandardCharsets.US_ASCII);
            switch (id) {
                case "BEA01" -> extended = true;
                case "NSR02", "NSR03" -> {
                    if (extended) return true;
                }
                case "TEA01" -> extended = false;
                case "CD001", "CDW02", "BOOT2" -> { }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private Volume read() throws IOException {
        if (!hasRecognitionSequence(src.channel)) {
            throw src.corrupt(16, "no UDF volume recognition sequence (BEA01, NSR02 or NSR03, TEA01) from here");
        }
        long[] anchor = anchor();
        Descriptors d = sequence(anchor[1], anchor[0], "main");
        if (d.lvd == null || d.pds.isEmpty()) {
            src.problem(anchor[1], "the main Volume Descriptor Sequence lacks a "
                    + (d.lvd == null ? "Logical Volume Descriptor" : "Partition Descriptor") + "; using the reserve");
            d = sequence(anchor[3], anchor[2], "reserve");
            if (d.lvd == null || d.pds.isEmpty()) {
                throw src.corrupt(anchor[3], "neither Volume Descriptor Sequence holds a Logical Volume Descriptor"
                        + " and a Partition Descriptor");
            }
        }
        byte[] lvd = d.lvd;
        long blockSize = UdfBytes.u32(lvd, 212);
        if (blockSize != UdfBytes.SECTOR) {
            throw src.corrupt(d.lvdSector, "logical block size " + blockSize + "; only 2048 is supported");
        }
        String domain = UdfBytes.regidText(lvd, 216);
        if (!domain.equals(UdfBytes.OSTA_DOMAIN)) {
            src.problem(d.lvdSector, "domain identifier \"" + domain + "\" is not " + UdfBytes.OSTA_DOMAIN);
        }
        partitions(d);
        // UDF 1.02 2.2.4.4: Logical Volume Contents Use holds the long_ad of the File Set Descriptor
        long fsdBlock = UdfBytes.u32(lvd, 252);
        int fsdRef = UdfBytes.u16(lvd, 256);
        long fsdSector = src.sectorOf(fsdRef, fsdBlock, "the File Set Descriptor");
        byte[] fsd = src.sector(fsdSector);
        String bad = UdfBytes.tagProblem(fsd, 0, UdfBytes.SECTOR, UdfBytes.FSD, fsdBlock);
        if (bad != null) throw src.corrupt(fsdSector, bad);
        String volumeId = UdfBytes.readDstring(lvd, 84, 128);
        if (volumeId.isEmpty() && d.pvd != null) volumeId = UdfBytes.readDstring(d.pvd, 24, 32);
        long rootBlock = UdfBytes.u32(fsd, 404);
        int rootRef = UdfBytes.u16(fsd, 408);
        IsoEntry root = new UdfTreeReader(src).readRoot(rootRef, rootBlock);
        return new Volume(root, volumeId, List.copyOf(src.problems));
    }

    /** ECMA-167 3/8.4.2.1, UDF 1.02 2.2.3: returns {mainLength, mainSector, reserveLength, reserveSector}. */
    private long[] anchor() throws IOException {
        long n = src.sectors();
        StringBuilder why = new StringBuilder();
        for (long sector : new long[] {256, n - 256, n - 1}) {
            if (sector < 256 || sector >= n) continue;
            byte[] b = src.read(sector * UdfBytes.SECTOR, 512);
            String bad = UdfBytes.tagProblem(b, 0, 512, UdfBytes.AVDP, sector);
            if (bad == null) {
                if (why.length() > 0) src.problem(sector, "using this anchor; " + why);
                return new long[] {UdfBytes.u32(b, 16), UdfBytes.u32(b, 20), UdfBytes.u32(b, 24),
                        UdfBytes.u32(b, 28)};
            }
            why.append(why.length() > 0 ? "; " : "").append("sector ").append(sector).append(": ").append(bad);
        }
        throw src.corrupt(256, "no valid Anchor Volume Descriptor Pointer at 256, N-256 or N-1 (image of " + n
                + " sectors" + (why.length() > 0 ? "; " + why : "") + ")");
    }

    /** The descriptors of one Volume Descriptor Sequence that the reader needs. */
    private static final class Descriptors {
        byte[] pvd;
        long pvdNumber = -1;
        byte[] lvd;
        long lvdNumber = -1;
        long lvdSector;
        final Map<Integer, byte[]> pds = new HashMap<>();
        final Map<Integer, Long> pdNumbers = new HashMap<>();
    }

    /**
     * ECMA-167 3/8.4.2: reads a sequence from {@code sector}, following Volume Descriptor Pointers, until a
     * Terminating Descriptor or an unrecorded sector; of several descriptors of a kind, the highest Volume
     * Descriptor Sequence Number prevails (3/8.4.3). A bad descriptor is reported and skipped.
     */
    private Descriptors sequence(long sector, long lengthBytes, String which) throws IOException {
        Descriptors d = new Descriptors();
        Set<Long> seen = new HashSet<>();
        long end = sector + Math.min(lengthBytes / UdfBytes.SECTOR, MAX_VDS_SECTORS);
        int hops = 0;
        long s = sector;
        while (s < end) {
            if (!seen.add(s) || s >= src.sectors()) {
                src.problem(s, "the " + which + " Volume Descriptor Sequence "
                        + (s >= src.sectors() ? "runs past the end of the image" : "loops back on itself"));
                break;
            }
            byte[] b = src.sector(s);
            if (allZero(b)) break; // 3/8.4.2: an unrecorded sector ends the sequence
            String bad = UdfBytes.tagProblem(b, 0, UdfBytes.SECTOR, -1, s);
            if (bad != null) {
                src.problem(s, "in the " + which + " Volume Descriptor Sequence: " + bad + "; descriptor skipped");
                s++;
                continue;
            }
            int id = UdfBytes.u16(b, 0);
            long number = UdfBytes.u32(b, 16);
            if (id == UdfBytes.TD) break;
            switch (id) {
                case UdfBytes.PVD -> {
                    if (number > d.pvdNumber) {
                        d.pvd = b;
                        d.pvdNumber = number;
                    }
                }
                case UdfBytes.LVD -> {
                    if (number > d.lvdNumber) {
                        d.lvd = b;
                        d.lvdNumber = number;
                        d.lvdSector = s;
                    }
                }
                case UdfBytes.PD -> {
                    int partition = UdfBytes.u16(b, 22);
                    if (number > d.pdNumbers.getOrDefault(partition, -1L)) {
                        d.pds.put(partition, b);
                        d.pdNumbers.put(partition, number);
                    }
                }
                case UdfBytes.VDP -> { // 3/10.3: continue at the next extent
                    if (++hops > MAX_VDP_HOPS) {
                        src.problem(s, "more than " + MAX_VDP_HOPS + " Volume Descriptor Pointers; sequence cut");
                        return d;
                    }
                    long len = UdfBytes.u32(b, 20);
                    s = UdfBytes.u32(b, 24);
                    end = s + Math.min(len / UdfBytes.SECTOR, MAX_VDS_SECTORS);
                    continue;
                }
                default -> { } // IUVD, USD and others: not needed to read files
            }
            s++;
        }
        return d;
    }

    /** ECMA-167 3/10.7: type 1 maps name a partition of this volume; type 2 maps (UDF 1.50+) are not supported. */
    private void partitions(Descriptors d) throws IOException {
        byte[] lvd = d.lvd;
        long tableLength = UdfBytes.u32(lvd, 264);
        long count = UdfBytes.u32(lvd, 268);
        int end = (int) Math.min(UdfBytes.SECTOR, MAP_OFFSET + Math.min(tableLength, UdfBytes.SECTOR));
        if (count > MAX_PARTITION_MAPS) {
            src.problem(d.lvdSector, count + " partition maps; only the first " + MAX_PARTITION_MAPS + " are read");
            count = MAX_PARTITION_MAPS;
        }
        int at = MAP_OFFSET;
        for (int i = 0; i < count; i++) {
            int type = at + 2 <= end ? lvd[at] & 0xFF : -1;
            int len = at + 2 <= end ? lvd[at + 1] & 0xFF : 0;
            if (len < 2 || at + len > end) {
                src.problem(d.lvdSector, "partition map " + i + " of " + len + " bytes overruns the map table ("
                        + tableLength + " bytes)");
                break;
            }
            if (type == 1 && len >= 6) {
                int number = UdfBytes.u16(lvd, at + 4);
                byte[] pd = d.pds.get(number);
                if (pd == null) {
                    src.problem(d.lvdSector, "partition map " + i + " names partition " + number
                            + ", which has no Partition Descriptor");
                    src.partitions.add(null);
                } else {
                    src.partitions.add(partition(number, pd));
                }
            } else {
                String kind = type == 2 && len >= 36 ? UdfBytes.regidText(lvd, at + 4) : "type " + type;
                src.problem(d.lvdSector, "partition map " + i + " (" + kind + ") is not supported: only type 1"
                        + " maps (UDF 1.02 to 2.01 without sparing, virtual or metadata partitions) are read");
                src.partitions.add(null);
            }
            at += len;
        }
    }

    /** ECMA-167 3/10.5: the starting sector and length of a partition, cut to the image with a problem. */
    private UdfSource.Partition partition(int number, byte[] pd) {
        long start = UdfBytes.u32(pd, 188);
        long length = UdfBytes.u32(pd, 192);
        long sector = UdfBytes.u32(pd, 12);
        if (start >= src.sectors()) {
            src.problem(sector, "partition " + number + " starts at sector " + start + ", past the image end");
            length = 0;
        } else if (start + length > src.sectors()) {
            src.problem(sector, "partition " + number + " of " + length + " blocks from sector " + start
                    + " runs past the image end (" + src.sectors() + " sectors); reading what is there");
            length = src.sectors() - start;
        }
        return new UdfSource.Partition(number, start, length);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) return false;
        }
        return true;
    }
}
