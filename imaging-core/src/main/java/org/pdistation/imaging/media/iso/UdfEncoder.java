package org.pdistation.imaging.media.iso;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.pdistation.imaging.media.iso.SourceTree.Node;

/**
 * Encodes the UDF 1.02 descriptors of a bridge image laid out by {@link UdfLayout} (ECMA-167 3rd edition parts 2-4
 * as OSTA UDF 1.02 restricts them): one read-only partition, one type 1 partition map, short allocation
 * descriptors, CS0 names as on the Joliet side, one recording time everywhere.
 */
final class UdfEncoder {
    /** UDF 1.02 2.1.5.2: our implementation identifier. */
    private static final String IMPLEMENTATION = "*PDI Station";
    /**
     * ECMA-167 4/14.9.5: bit 0 other execute, 1 write, 2 read, 3 change attributes, 4 delete; bits 5-9 the same for
     * the group, 10-14 for the owner. Read for owner, group and others; no write, change or delete on a read-only
     * medium (UDF 1.02 3.3.3.3 leaves the bits to the writer).
     */
    static final int READ_ALL = 0x1084;
    /** Execute (search, for a directory) for owner, group and others. */
    static final int EXECUTE_ALL = 0x0421;

    private final IsoLayout iso;
    private final UdfLayout layout;
    private final IsoOptions options;
    private final Instant time;

    UdfEncoder(IsoLayout iso, IsoOptions options) {
        this.iso = iso;
        this.layout = iso.udf;
        this.options = options;
        this.time = options.created();
    }

    /** ECMA-167 2/9.1: BEA01, NSR02 (UDF 1.02), TEA01, one sector each. */
    static byte[] recognitionSequence() {
        byte[] b = new byte[3 * UdfBytes.SECTOR];
        String[] ids = {"BEA01", "NSR02", "TEA01"};
        for (int i = 0; i < 3; i++) {
            int at = i * UdfBytes.SECTOR;
            b[at] = 0; // structure type
            System.arraycopy(ids[i].getBytes(StandardCharsets.US_ASCII), 0, b, at + 1, 5);
            b[at + 6] = 1; // structure version
        }
        return b;
    }

    /** One Volume Descriptor Sequence of {@link UdfLayout#VDS_SECTORS} sectors starting at {@code start}. */
    byte[] volumeDescriptorSequence(long start) {
        byte[] b = new byte[UdfLayout.VDS_SECTORS * UdfBytes.SECTOR];
        primaryVolume(b, 0, start);
        implementationUse(b, UdfBytes.SECTOR, start + 1);
        partition(b, 2 * UdfBytes.SECTOR, start + 2);
        logicalVolume(b, 3 * UdfBytes.SECTOR, start + 3);
        unallocatedSpace(b, 4 * UdfBytes.SECTOR, start + 4);
        UdfBytes.tag(b, 5 * UdfBytes.SECTOR, UdfBytes.TD, start + 5, 512);
        return b;
    }

    /** ECMA-167 3/10.1, UDF 1.02 2.2.2. */
    private void primaryVolume(byte[] b, int o, long sector) {
        UdfBytes.le32(b, o + 16, 0);                             // volume descriptor sequence number
        UdfBytes.le32(b, o + 20, 0);                             // primary volume descriptor number
        UdfBytes.dstring(b, o + 24, 32, options.volumeId());
        UdfBytes.le16(b, o + 56, 1);                             // volume sequence number
        UdfBytes.le16(b, o + 58, 1);                             // maximum volume sequence number
        UdfBytes.le16(b, o + 60, 2);                             // interchange level (single volume)
        UdfBytes.le16(b, o + 62, 2);
        UdfBytes.le32(b, o + 64, 1);                             // character set list: CS0
        UdfBytes.le32(b, o + 68, 1);
        // UDF 1.02 2.2.2.5: the volume set identifier starts with 16 characters unique to this volume set
        UdfBytes.dstring(b, o + 72, 128, String.format("%016X", time.getEpochSecond()) + options.volumeSetId());
        UdfBytes.charspec(b, o + 200);
        UdfBytes.charspec(b, o + 264);
        UdfBytes.regid(b, o + 344, IMPLEMENTATION, new byte[0]); // application identifier
        UdfBytes.timestamp(b, o + 376, time);
        UdfBytes.regid(b, o + 388, IMPLEMENTATION, new byte[0]);
        UdfBytes.tag(b, o, UdfBytes.PVD, sector, 512);
    }

    /** ECMA-167 3/10.4, UDF 1.02 2.2.7: the "*UDF LV Info" implementation use volume descriptor. */
    private void implementationUse(byte[] b, int o, long sector) {
        UdfBytes.le32(b, o + 16, 1);
        UdfBytes.regid(b, o + 20, "*UDF LV Info", UdfBytes.udfSuffix());
        UdfBytes.charspec(b, o + 52);
        UdfBytes.dstring(b, o + 116, 128, options.volumeId());
        UdfBytes.dstring(b, o + 244, 36, options.publisherId());
        UdfBytes.regid(b, o + 352, IMPLEMENTATION, new byte[0]);
        UdfBytes.tag(b, o, UdfBytes.IUVD, sector, 512);
    }

    /** ECMA-167 3/10.5, UDF 1.02 2.2.12: one read-only partition of "+NSR02" contents. */
    private void partition(byte[] b, int o, long sector) {
        UdfBytes.le32(b, o + 16, 2);
        UdfBytes.le16(b, o + 20, 1);                             // flags: space allocated
        UdfBytes.le16(b, o + 22, 0);                             // partition number
        UdfBytes.regid(b, o + 24, "+NSR02", new byte[0]);
        // 56..183: Partition Header Descriptor (4/14.3) all zeros: no space tables or bitmaps on read-only media
        UdfBytes.le32(b, o + 184, 1);                            // access type 1: read only
        UdfBytes.le32(b, o + 188, layout.partitionStart);
        UdfBytes.le32(b, o + 192, layout.partitionLength);
        UdfBytes.regid(b, o + 196, IMPLEMENTATION, new byte[0]);
        UdfBytes.tag(b, o, UdfBytes.PD, sector, 512);
    }

    /** ECMA-167 3/10.6, UDF 1.02 2.2.4. */
    private void logicalVolume(byte[] b, int o, long sector) {
        UdfBytes.le32(b, o + 16, 3);
        UdfBytes.charspec(b, o + 20);
        UdfBytes.dstring(b, o + 84, 128, options.volumeId());
        UdfBytes.le32(b, o + 212, UdfBytes.SECTOR);              // logical block size
        UdfBytes.regid(b, o + 216, UdfBytes.OSTA_DOMAIN, UdfBytes.udfSuffix());
        longAd(b, o + 248, UdfBytes.SECTOR, 0, 0);               // 2.2.4.4: where the File Set Descriptor is
        UdfBytes.le32(b, o + 264, 6);                            // map table length
        UdfBytes.le32(b, o + 268, 1);                            // number of partition maps
        UdfBytes.regid(b, o + 272, IMPLEMENTATION, new byte[0]);
        UdfBytes.le32(b, o + 432, 2L * UdfBytes.SECTOR);          // integrity sequence extent
        UdfBytes.le32(b, o + 436, UdfLayout.INTEGRITY);
        b[o + 440] = 1;                                          // 3/10.7.2: type 1 partition map, 6 bytes
        b[o + 441] = 6;
        UdfBytes.le16(b, o + 442, 1);                            // volume sequence number
        UdfBytes.le16(b, o + 444, 0);                            // partition number
        UdfBytes.tag(b, o, UdfBytes.LVD, sector, 446);
    }

    /** ECMA-167 3/10.8: no unallocated space (the medium is written once, whole). */
    private static void unallocatedSpace(byte[] b, int o, long sector) {
        UdfBytes.le32(b, o + 16, 4);
        UdfBytes.tag(b, o, UdfBytes.USD, sector, 24);
    }

    /** ECMA-167 3/10.10, UDF 1.02 2.2.6: a closed integrity descriptor, then a Terminating Descriptor. */
    byte[] integritySequence() {
        byte[] b = new byte[2 * UdfBytes.SECTOR];
        UdfBytes.timestamp(b, 16, time);
        UdfBytes.le32(b, 28, 1);                                 // integrity type: close
        UdfBytes.le64(b, 40, layout.nextUniqueId);               // 3.2.1: Logical Volume Header Descriptor
        UdfBytes.le32(b, 72, 1);                                 // number of partitions
        UdfBytes.le32(b, 76, 46);                                // length of implementation use
        UdfBytes.le32(b, 80, 0);                                 // free space table
        UdfBytes.le32(b, 84, layout.partitionLength);            // size table
        UdfBytes.regid(b, 88, IMPLEMENTATION, new byte[0]);
        UdfBytes.le32(b, 120, layout.files);
        UdfBytes.le32(b, 124, layout.directories);
        UdfBytes.le16(b, 128, UdfBytes.UDF_REVISION);           // minimum UDF read revision
        UdfBytes.le16(b, 130, UdfBytes.UDF_REVISION);           // minimum UDF write revision
        UdfBytes.le16(b, 132, UdfBytes.UDF_REVISION);           // maximum UDF write revision
        UdfBytes.tag(b, 0, UdfBytes.LVID, UdfLayout.INTEGRITY, 134);
        UdfBytes.tag(b, UdfBytes.SECTOR, UdfBytes.TD, UdfLayout.INTEGRITY + 1, 512);
        return b;
    }

    /** ECMA-167 3/10.2: the anchor recorded at {@code sector}. */
    static byte[] anchor(long sector) {
        byte[] b = new byte[UdfBytes.SECTOR];
        UdfBytes.le32(b, 16, (long) UdfLayout.VDS_SECTORS * UdfBytes.SECTOR);
        UdfBytes.le32(b, 20, UdfLayout.MAIN_VDS);
        UdfBytes.le32(b, 24, (long) UdfLayout.VDS_SECTORS * UdfBytes.SECTOR);
        UdfBytes.le32(b, 28, UdfLayout.RESERVE_VDS);
        UdfBytes.tag(b, 0, UdfBytes.AVDP, sector, 512);
        return b;
    }

    /** ECMA-167 4/14.1 (logical block 0) and the Terminating Descriptor that ends the file set (block 1). */
    byte[] fileSet() {
        byte[] b = new byte[2 * UdfBytes.SECTOR];
        UdfBytes.timestamp(b, 16, time);
        UdfBytes.le16(b, 28, 3);                                 // interchange level
        UdfBytes.le16(b, 30, 3);
        UdfBytes.le32(b, 32, 1);                                 // character set list: CS0
        UdfBytes.le32(b, 36, 1);
        UdfBytes.charspec(b, 48);
        UdfBytes.dstring(b, 112, 128, options.volumeId());
        UdfBytes.charspec(b, 240);
        UdfBytes.dstring(b, 304, 32, options.volumeId());
        longAd(b, 400, UdfBytes.SECTOR, iso.tree.root.udfEntry, 0);
        UdfBytes.regid(b, 416, UdfBytes.OSTA_DOMAIN, UdfBytes.udfSuffix());
        UdfBytes.tag(b, 0, UdfBytes.FSD, 0, 512);
        UdfBytes.tag(b, UdfBytes.SECTOR, UdfBytes.TD, 1, 512);
        return b;
    }

    /** A directory's File Entry followed by its File Identifier Descriptors, whole blocks. */
    byte[] directory(Node d) {
        int dataBlocks = (int) IsoBytes.sectors(d.udfDataLength);
        byte[] b = new byte[(1 + dataBlocks) * UdfBytes.SECTOR];
        int subdirs = 0;
        for (Node c : d.children) {
            if (c.directory) subdirs++;
        }
        fileEntry(b, d, true, 1 + subdirs, d.udfDataLength, new long[] {d.udfData}, new long[] {d.udfDataLength});
        int at = UdfBytes.SECTOR;
        Node parent = d.parent == null ? d : d.parent; // 4/8.6: the root's parent is the root
        at = fid(b, at, d, parent, 0x0A, new byte[0]);          // directory + parent
        for (Node c : d.children) at = fid(b, at, d, c, c.directory ? 0x02 : 0, UdfBytes.cs0(c.name));
        return b;
    }

    /** A file's File Entry: short allocation descriptors over the data the ISO 9660 records point at. */
    byte[] file(Node f) {
        byte[] b = new byte[UdfBytes.SECTOR];
        int n = (int) ((f.size + UdfLayout.MAX_EXTENT - 1) / UdfLayout.MAX_EXTENT);
        long[] blocks = new long[n];
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = layout.block(f.extent) + i * (UdfLayout.MAX_EXTENT / UdfBytes.SECTOR);
            lengths[i] = Math.min(UdfLayout.MAX_EXTENT, f.size - i * UdfLayout.MAX_EXTENT);
        }
        fileEntry(b, f, false, 1, f.size, blocks, lengths);
        return b;
    }

    /** ECMA-167 4/14.9 with UDF 1.02 2.3.6: a File Entry with short allocation descriptors (ICB strategy 4). */
    private void fileEntry(byte[] b, Node n, boolean directory, int links, long size, long[] blocks, long[] lengths) {
        UdfBytes.le16(b, 16 + 4, 4);                             // 4/14.6: ICB tag, strategy 4
        UdfBytes.le16(b, 16 + 8, 1);                             // maximum number of entries
        b[16 + 11] = (byte) (directory ? 4 : 5);                 // file type
        UdfBytes.le16(b, 16 + 18, 0);                            // flags: short_ad
        UdfBytes.le32(b, 36, 0xFFFF_FFFFL);                      // UDF 1.02 3.3.3.1/2: uid, gid not specified
        UdfBytes.le32(b, 40, 0xFFFF_FFFFL);
        // A directory is searchable; a file is executable where the staged file is (a viewer's java and launcher).
        UdfBytes.le32(b, 44, directory || n.executable ? READ_ALL | EXECUTE_ALL : READ_ALL);
        UdfBytes.le16(b, 48, links);
        UdfBytes.le64(b, 56, size);                              // information length
        UdfBytes.le64(b, 64, IsoBytes.sectors(size));            // logical blocks recorded
        UdfBytes.timestamp(b, 72, time);                         // access
        // A file keeps its source's modification time: the JVM accepts a viewer's AppCDS archive only for a jar
        // with the time it was made with.
        UdfBytes.timestamp(b, 84, n.modified != null ? n.modified : time); // modification
        UdfBytes.timestamp(b, 96, time);                         // attribute
        UdfBytes.le32(b, 108, 1);                                // checkpoint
        UdfBytes.regid(b, 128, IMPLEMENTATION, new byte[0]);
        UdfBytes.le64(b, 160, n.uniqueId);
        int ads = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (lengths[i] == 0) continue;
            UdfBytes.le32(b, 176 + 8 * ads, lengths[i]);          // 4/14.14.1: type 0, recorded and allocated
            UdfBytes.le32(b, 176 + 8 * ads + 4, blocks[i]);
            ads++;
        }
        UdfBytes.le32(b, 172, 8L * ads);                         // length of allocation descriptors
        UdfBytes.tag(b, 0, UdfBytes.FE, n.udfEntry, 176 + 8 * ads);
    }

    /** ECMA-167 4/14.4: one File Identifier Descriptor at byte {@code at} of {@code b} (block 1 = dir data). */
    private int fid(byte[] b, int at, Node dir, Node target, int characteristics, byte[] name) {
        int len = UdfLayout.fidLength(name.length);
        UdfBytes.le16(b, at + 16, 1);                            // file version number
        b[at + 18] = (byte) characteristics;
        b[at + 19] = (byte) name.length;
        longAd(b, at + 20, UdfBytes.SECTOR, target.udfEntry, 0);
        UdfBytes.le32(b, at + 20 + 12, target.uniqueId);         // UDF 2.3.4.3: ADImpUse holds the unique ID
        UdfBytes.le16(b, at + 36, 0);                            // length of implementation use
        System.arraycopy(name, 0, b, at + 38, name.length);
        long block = dir.udfData + (at - UdfBytes.SECTOR) / UdfBytes.SECTOR;
        UdfBytes.tag(b, at, UdfBytes.FID, block, len);
        return at + len;
    }

    /** ECMA-167 4/14.14.2: extent length, logical block number, partition reference number. */
    private static void longAd(byte[] b, int o, long length, long block, int partition) {
        UdfBytes.le32(b, o, length);
        UdfBytes.le32(b, o + 4, block);
        UdfBytes.le16(b, o + 8, partition);
    }
}
