package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;

/** PDI-REQUIREMENTS C 23: an Icon Image Sequence in a record (PS3.3 F.7): one item, 64x64 or 128x128, 8 bits. */
final class IconChecks implements Check {
    @Override
    public void run(Medium m) {
        if (m.dicomdir == null) {
            return;
        }
        String rel = m.dicomdirRel();
        Findings f = m.findings;
        for (DirTree.Node n : m.tree.all) {
            if (!n.item.contains(Tag.IconImageSequence)) {
                continue;
            }
            Sequence icons = n.item.getSequence(Tag.IconImageSequence);
            if (icons == null || icons.size() != 1) {
                f.error(23, rel, n.offset, Tag.IconImageSequence, "Icon Image Sequence has "
                        + (icons == null ? 0 : icons.size()) + " items, expected 1");
                continue;
            }
            Dataset icon = icons.get(0);
            int rows = icon.getInt(Tag.Rows, -1);
            int cols = icon.getInt(Tag.Columns, -1);
            if (rows != cols || (rows != 64 && rows != 128)) {
                f.error(23, rel, n.offset, Tag.IconImageSequence, "icon is " + cols + "x" + rows
                        + ", expected 64x64 or 128x128");
            }
            String pi = Values.strip(icon.getString(Tag.PhotometricInterpretation));
            if (!"MONOCHROME2".equals(pi) && !"PALETTE COLOR".equals(pi)) {
                f.error(23, rel, n.offset, Tag.PhotometricInterpretation, "icon Photometric Interpretation is "
                        + Values.show(pi) + ", expected MONOCHROME2 or PALETTE COLOR");
            }
            int bits = icon.getInt(Tag.BitsAllocated, -1);
            if (bits != 8) {
                f.error(23, rel, n.offset, Tag.BitsAllocated, "icon Bits Allocated is " + bits + ", expected 8");
            }
        }
    }
}
