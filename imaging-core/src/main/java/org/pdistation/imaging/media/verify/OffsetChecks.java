package org.pdistation.imaging.media.verify;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;

/**
 * PDI-REQUIREMENTS C 16: the record offsets of the DICOMDIR (PS3.3 F.3.2.1). Every offset counts from the first
 * byte of the file and must land exactly on the (FFFE,E000) tag of an item of the Directory Record Sequence; the
 * chains must not loop; every active record must be reachable from the root. Builds the {@link DirTree} the later
 * checks use. Iterative and visiting each record at most once, so a hostile DICOMDIR cannot make it loop.
 */
final class OffsetChecks implements Check {
    /** A pending chain: the first offset, the record it hangs under, and where the offset was read. */
    private record Chain(long offset, DirTree.Node parent, long from, int fromTag) {}

    @Override
    public void run(Medium m) {
        DicomDirFile d = m.dicomdir;
        DirTree tree = new DirTree();
        m.tree = tree;
        if (d == null) {
            return;
        }
        Findings f = m.findings;
        String rel = d.rel();
        if (d.truncated()) {
            f.warning(16, rel, d.bytes().length, null, "DICOMDIR has " + d.size() + " bytes; only the first "
                    + d.bytes().length + " were verified (offsets beyond are not checked)");
        }
        Dataset top = d.top();
        if (top.getInt(Tag.FileSetConsistencyFlag, -1) != 0) {
            f.error(16, rel, -1, Tag.FileSetConsistencyFlag, "File-set Consistency Flag is "
                    + (top.contains(Tag.FileSetConsistencyFlag) ? top.getInt(Tag.FileSetConsistencyFlag, -1)
                    : "absent") + ", expected 0000 (no known inconsistencies)");
        }
        Sequence items = d.records();
        if (items == null) {
            f.error(16, rel, -1, Tag.DirectoryRecordSequence, "no Directory Record Sequence");
            return;
        }
        TreeMap<Long, Integer> byOffset = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            Dataset item = items.get(i);
            byOffset.put(item.streamPosition(), i);
            for (int tag : new int[] {Tag.OffsetOfTheNextDirectoryRecord, Tag.RecordInUseFlag,
                    Tag.OffsetOfReferencedLowerLevelDirectoryEntity}) {
                if (!item.contains(tag)) {
                    f.error(16, rel, item.streamPosition(), tag, "directory record lacks this Type 1 element");
                }
            }
        }
        for (int tag : new int[] {Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity,
                Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity}) {
            if (!top.contains(tag)) {
                f.error(16, rel, -1, tag, "absent (Type 1)");
            }
        }
        long first = top.getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0);
        long last = top.getLong(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, 0);
        BitSet visited = new BitSet(items.size());
        if (first == 0 && !items.isEmpty()) {
            f.error(16, rel, -1, Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity,
                    "is 0 but the DICOMDIR holds " + items.size() + " records; hierarchy checked in sequence order");
            fromSequenceOrder(items, tree);
            return;
        }
        long lastRoot = follow(m, byOffset, items, visited,
                new Chain(first, null, -1, Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity), tree);
        if (last != lastRoot && lastRoot > 0) {
            f.error(16, rel, -1, Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, "is " + last
                    + ", but the root chain ends with the record at " + lastRoot);
        }
        int inactive = 0;
        for (int i = 0; i < items.size(); i++) {
            Dataset item = items.get(i);
            if (inactive(item)) {
                inactive++;
            } else if (!visited.get(i)) {
                f.error(16, rel, item.streamPosition(), null, "active " + type(item)
                        + " record is not reachable from the root through the offsets");
            }
        }
        if (inactive > 0) {
            f.info(16, rel, -1, Tag.RecordInUseFlag, inactive + " inactive record(s) (0004,1410) = 0000, ignored");
        }
    }

    private static String type(Dataset item) {
        return item.getString(Tag.DirectoryRecordType, "untyped").strip();
    }

    static boolean inactive(Dataset item) {
        // PS3.3 F.3.2.2: 0000H marks an inactive record; readers ignore it.
        return item.contains(Tag.RecordInUseFlag) && item.getInt(Tag.RecordInUseFlag, 0xFFFF) == 0;
    }

    /** Follows a chain and everything below it; returns the offset of the last record of the first chain. */
    private static long follow(Medium m, TreeMap<Long, Integer> byOffset, Sequence items, BitSet visited,
                               Chain start, DirTree tree) {
        Findings f = m.findings;
        String rel = m.dicomdir.rel();
        long limit = m.dicomdir.bytes().length;
        Deque<Chain> pending = new ArrayDeque<>();
        pending.push(start);
        long lastOfFirst = 0;
        boolean firstChain = true;
        while (!pending.isEmpty()) {
            Chain c = pending.pop();
            long off = c.offset();
            long from = c.from();
            int fromTag = c.fromTag();
            long lastHere = 0;
            while (off != 0) {
                Integer idx = byOffset.get(off);
                if (idx == null) {
                    if (m.dicomdir.truncated() && off >= limit) {
                        break; // beyond what was read; reported once as a warning
                    }
                    f.error(16, rel, from, fromTag, "offset " + off
                            + " does not land on an item of the Directory Record Sequence" + nearest(byOffset, off));
                    break;
                }
                if (visited.get(idx)) {
                    f.error(16, rel, from, fromTag, "offset " + off
                            + " points back to a record already reached (a cycle)");
                    break;
                }
                visited.set(idx);
                Dataset item = items.get(idx);
                if (!inactive(item)) {
                    DirTree.Node n = new DirTree.Node(off, item, c.parent());
                    if (c.parent() == null) {
                        tree.roots.add(n);
                    } else {
                        c.parent().children.add(n);
                    }
                    tree.all.add(n);
                    long lower = item.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0);
                    if (lower != 0) {
                        pending.push(new Chain(lower, n, off, Tag.OffsetOfReferencedLowerLevelDirectoryEntity));
                    }
                }
                lastHere = off;
                from = off;
                fromTag = Tag.OffsetOfTheNextDirectoryRecord;
                off = item.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0);
            }
            if (firstChain) {
                lastOfFirst = lastHere;
                firstChain = false;
            }
        }
        return lastOfFirst;
    }

    private static String nearest(TreeMap<Long, Integer> byOffset, long off) {
        Map.Entry<Long, Integer> below = byOffset.floorEntry(off);
        Map.Entry<Long, Integer> above = byOffset.ceilingEntry(off);
        StringBuilder sb = new StringBuilder(" (nearest items at ");
        sb.append(below == null ? "-" : below.getKey()).append(" and ").append(above == null ? "-" : above.getKey());
        return sb.append(')').toString();
    }

    /** Without offsets: PATIENT > STUDY > SERIES > leaf by sequence order, so the other checks still run. */
    private static void fromSequenceOrder(Sequence items, DirTree tree) {
        DirTree.Node[] last = new DirTree.Node[4];
        for (Dataset item : items) {
            if (inactive(item)) {
                continue;
            }
            String t = item.getString(Tag.DirectoryRecordType, "").strip();
            int level = switch (t) {
                case "PATIENT" -> 0;
                case "STUDY" -> 1;
                case "SERIES" -> 2;
                default -> 3;
            };
            DirTree.Node parent = null;
            for (int l = level - 1; l >= 0 && parent == null; l--) {
                parent = last[l];
            }
            DirTree.Node n = new DirTree.Node(item.streamPosition(), item, parent);
            if (parent == null) {
                tree.roots.add(n);
            } else {
                parent.children.add(n);
            }
            tree.all.add(n);
            last[level] = n;
            for (int l = level + 1; l < last.length; l++) {
                last[l] = null;
            }
        }
    }
}
