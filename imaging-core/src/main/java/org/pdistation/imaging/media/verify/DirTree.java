package org.pdistation.imaging.media.verify;

import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.RecordType;

/** The active directory records reachable through the offsets, as a tree (built by {@link OffsetChecks}). */
final class DirTree {
    /** One active record. */
    static final class Node {
        final long offset;
        final Dataset item;
        final RecordType type;
        final Node parent;
        final List<Node> children = new ArrayList<>(2);

        Node(long offset, Dataset item, Node parent) {
            this.offset = offset;
            this.item = item;
            this.type = RecordType.of(item.getString(Tag.DirectoryRecordType));
            this.parent = parent;
        }

        String rawType() {
            return item.getString(Tag.DirectoryRecordType, "").strip();
        }

        /** The nearest ancestor of this type, or null. */
        Node ancestor(RecordType t) {
            for (Node n = parent; n != null; n = n.parent) {
                if (n.type == t) {
                    return n;
                }
            }
            return null;
        }
    }

    final List<Node> roots = new ArrayList<>();
    /** Every node, parents before children. */
    final List<Node> all = new ArrayList<>();
}
