package org.pdistation.imaging.media.iso;

import java.io.IOException;

import org.pdistation.imaging.media.iso.SourceTree.Node;

/**
 * Where the UDF 1.02 structures of a bridge image go (ECMA-167 3rd edition, OSTA UDF 1.02 2.2 and 6.x). The ISO
 * 9660 descriptors stay at 16; the Volume Recognition Sequence (BEA01, NSR02, TEA01) follows their terminator; the
 * main and reserve Volume Descriptor Sequences take sectors 32-47 and 48-63, the Logical Volume Integrity Sequence
 * 64-65, and the first Anchor Volume Descriptor Pointer sector 256. The ISO 9660 path tables and directories follow
 * at 257. One partition then holds the File Set Descriptor, a Terminating Descriptor, a File Entry and the File
 * Identifier Descriptors of each directory, a File Entry per file, and the file data that both file systems share;
 * the second anchor is the last sector of the image (UDF 1.02 2.2.3: two of 256, N-256, N-1).
 */
final class UdfLayout {
    static final long MAIN_VDS = 32;
    static final long RESERVE_VDS = 48;
    /** ECMA-167 3/8.4.2.1: each Volume Descriptor Sequence extent is at least 16 sectors. */
    static final int VDS_SECTORS = 16;
    static final long INTEGRITY = 64;
    static final long ANCHOR = 256;
    static final long FIRST_FREE = ANCHOR + 1;
    /** ECMA-167 4/14.14.1.1: an extent length is 30 bits; UDF keeps all but the last a multiple of the block. */
    static final long MAX_EXTENT = 0x3FFF_F800L;
    /** UDF 1.02 3.2.1.1: unique IDs 1-15 are reserved (Macintosh), the root's is 0. */
    static final long FIRST_UNIQUE_ID = 16;

    /** The partition's first sector: logical block 0 of the volume. */
    final long partitionStart;
    /** File Set Descriptor, its Terminating Descriptor, File Entries and directory data, in blocks. */
    final long metadataBlocks;
    /** Set by {@link #close(long)}. */
    long partitionLength;
    long lastAnchor;
    long nextUniqueId;
    int files;
    int directories;

    UdfLayout(SourceTree tree, long partitionStart) throws IOException {
        this.partitionStart = partitionStart;
        long block = 2; // 0: File Set Descriptor, 1: Terminating Descriptor (ECMA-167 4/8.3.1)
        long unique = FIRST_UNIQUE_ID;
        for (Node d : tree.directories) {
            d.uniqueId = d.parent == null ? 0 : unique++;
            d.udfEntry = block++;
            d.udfDataLength = directoryLength(d);
            d.udfData = block;
            block += IsoBytes.sectors(d.udfDataLength);
            directories++;
        }
        for (Node f : tree.files) {
            f.uniqueId = unique++;
            f.udfEntry = block++;
            files++;
        }
        this.metadataBlocks = block;
        this.nextUniqueId = unique;
    }

    /** Ends the partition at sector {@code end} (after the file data) and returns the image's sector count. */
    long close(long end) throws IOException {
        partitionLength = end - partitionStart;
        lastAnchor = end;
        if (end + 1 > 0xFFFF_FFFFL) throw new IOException("image of " + (end + 1) + " sectors is too large for UDF");
        return end + 1;
    }

    /** The logical block (partition-relative) of file data written at absolute sector {@code sector}. */
    long block(long sector) {
        return sector - partitionStart;
    }

    /** ECMA-167 4/14.4: 38 bytes, the identifier, padded to a multiple of 4. */
    static int fidLength(int identifierLength) {
        return (38 + identifierLength + 3) & ~3;
    }

    /** The parent FID (no identifier) then one FID per child. */
    static long directoryLength(Node d) {
        long len = fidLength(0);
        for (Node c : d.children) len += fidLength(UdfBytes.cs0(c.name).length);
        return len;
    }
}
