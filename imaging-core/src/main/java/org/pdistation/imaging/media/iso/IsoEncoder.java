package org.pdistation.imaging.media.iso;

import java.util.List;

import org.pdistation.imaging.media.iso.SourceTree.Node;

/** Encodes the volume descriptors, path tables and directory extents of a laid-out image (ECMA-119 8, 9). */
final class IsoEncoder {
    /** Joliet: the escape sequence of UCS-2 Level 3 in the SVD's escape-sequences field. */
    private static final byte[] JOLIET_ESCAPE = {'%', '/', 'E'};

    private final IsoLayout layout;
    private final IsoOptions options;

    IsoEncoder(IsoLayout layout, IsoOptions options) {
        this.layout = layout;
        this.options = options;
    }

    /** ECMA-119 8.4 (type 1) and the Joliet SVD (8.5, type 2). */
    byte[] volumeDescriptor(boolean joliet) {
        byte[] b = new byte[IsoBytes.SECTOR];
        b[0] = (byte) (joliet ? 2 : 1);
        IsoBytes.padded(b, 1, 5, "CD001");
        b[6] = 1;
        text(b, 8, 32, "", joliet);                           // system identifier
        text(b, 40, 32, options.volumeId(), joliet);          // volume identifier
        IsoBytes.both32(b, 80, layout.totalSectors);          // volume space size
        if (joliet) System.arraycopy(JOLIET_ESCAPE, 0, b, 88, JOLIET_ESCAPE.length);
        IsoBytes.both16(b, 120, 1);                           // volume set size
        IsoBytes.both16(b, 124, 1);                           // volume sequence number
        IsoBytes.both16(b, 128, IsoBytes.SECTOR);             // logical block size
        IsoBytes.both32(b, 132, joliet ? layout.jolietPathTableSize : layout.primaryPathTableSize);
        IsoBytes.le32(b, 140, joliet ? layout.jolietL : layout.primaryL);
        IsoBytes.be32(b, 148, joliet ? layout.jolietM : layout.primaryM);
        Node root = layout.tree.root;
        byte[] rootRecord = record(new byte[] {0}, joliet ? root.jolietExtent : root.primaryExtent,
                joliet ? root.jolietLength : root.primaryLength, true);
        System.arraycopy(rootRecord, 0, b, 156, 34);
        text(b, 190, 128, options.volumeSetId(), joliet);
        text(b, 318, 128, options.publisherId(), joliet);
        text(b, 446, 128, "", joliet);                        // data preparer
        text(b, 574, 128, options.applicationId(), joliet);
        text(b, 702, 37, "", joliet);                         // copyright, abstract, bibliographic file ids
        text(b, 739, 37, "", joliet);
        text(b, 776, 37, "", joliet);
        IsoBytes.date17(b, 813, options.created());          // creation
        IsoBytes.date17(b, 830, options.created());          // modification
        IsoBytes.date17(b, 847, null);                       // expiration: not specified
        IsoBytes.date17(b, 864, null);                       // effective: not specified
        b[881] = 1;                                          // file structure version
        return b;
    }

    /** ECMA-119 8.3: the volume descriptor set terminator. */
    static byte[] terminator() {
        byte[] b = new byte[IsoBytes.SECTOR];
        b[0] = (byte) 255;
        IsoBytes.padded(b, 1, 5, "CD001");
        b[6] = 1;
        return b;
    }

    private static void text(byte[] b, int off, int len, String s, boolean joliet) {
        if (joliet) {
            IsoBytes.paddedUcs2(b, off, len, s);
        } else {
            IsoBytes.padded(b, off, len, s);
        }
    }

    /** ECMA-119 9.1: one directory record. */
    byte[] record(byte[] id, long extent, long length, boolean directory) {
        byte[] r = new byte[IsoLayout.recordLength(id.length)];
        r[0] = (byte) r.length;
        IsoBytes.both32(r, 2, extent);
        IsoBytes.both32(r, 10, length);
        IsoBytes.date7(r, 18, options.created());
        r[25] = (byte) (directory ? 2 : 0);                 // 9.1.6: bit 1 = directory
        IsoBytes.both16(r, 28, 1);                          // volume sequence number
        r[32] = (byte) id.length;
        System.arraycopy(id, 0, r, 33, id.length);
        return r;
    }

    /** ECMA-119 9.4: the path table of one tree, little-endian (type L) or big-endian (type M). */
    byte[] pathTable(boolean joliet, boolean bigEndian) {
        List<Node> dirs = joliet ? layout.jolietDirs : layout.primaryDirs;
        byte[] b = new byte[(int) IsoBytes.sectors(joliet ? layout.jolietPathTableSize
                : layout.primaryPathTableSize) * IsoBytes.SECTOR];
        int at = 0;
        for (Node d : dirs) {
            byte[] id = IsoLayout.identifier(d, joliet);
            long extent = joliet ? d.jolietExtent : d.primaryExtent;
            int parent = d.parent == null ? 1 : (joliet ? d.parent.jolietNumber : d.parent.primaryNumber);
            b[at] = (byte) id.length;
            if (bigEndian) {
                IsoBytes.be32(b, at + 2, extent);
                IsoBytes.be16(b, at + 6, parent);
            } else {
                IsoBytes.le32(b, at + 2, extent);
                IsoBytes.le16(b, at + 6, parent);
            }
            System.arraycopy(id, 0, b, at + 8, id.length);
            at += 8 + id.length + (id.length & 1);
        }
        return b;
    }

    /** ECMA-119 6.8.2: the extent of one directory: ".", "..", then the children in record order. */
    byte[] directory(Node d, boolean joliet) {
        long extent = joliet ? d.jolietExtent : d.primaryExtent;
        long length = joliet ? d.jolietLength : d.primaryLength;
        Node parent = d.parent == null ? d : d.parent;
        byte[] b = new byte[(int) length];
        int at = put(b, 0, record(new byte[] {0}, extent, length, true));
        at = put(b, at, record(new byte[] {1}, joliet ? parent.jolietExtent : parent.primaryExtent,
                joliet ? parent.jolietLength : parent.primaryLength, true));
        for (Node c : joliet ? SourceTree.jolietOrder(d) : d.children) {
            if (!joliet && c.primaryId == null) continue; // only in the Joliet and UDF trees
            byte[] r = c.directory
                    ? record(IsoLayout.identifier(c, joliet), joliet ? c.jolietExtent : c.primaryExtent,
                            joliet ? c.jolietLength : c.primaryLength, true)
                    : record(IsoLayout.identifier(c, joliet), c.extent, c.size, false);
            if (at % IsoBytes.SECTOR + r.length > IsoBytes.SECTOR) {
                at = (at / IsoBytes.SECTOR + 1) * IsoBytes.SECTOR; // rest of the sector stays zero (6.8.1.1)
            }
            at = put(b, at, r);
        }
        return b;
    }

    private static int put(byte[] b, int at, byte[] r) {
        System.arraycopy(r, 0, b, at, r.length);
        return at + r.length;
    }
}
