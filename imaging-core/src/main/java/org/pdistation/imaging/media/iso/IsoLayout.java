package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.pdistation.imaging.media.iso.SourceTree.Node;

/**
 * Assigns a sector to every structure of the image (ECMA-119 6.2, 6.8): 16 system-area sectors, the volume
 * descriptors, the path tables of each tree (L then M), the directories of each tree in path-table order, then the
 * file data, which both trees share.
 */
final class IsoLayout {
    /** ECMA-119 9.4.6: a parent directory number is 16 bits. */
    static final int MAX_DIRECTORIES = 0xFFFF;

    final SourceTree tree;
    final boolean joliet;
    final List<Node> primaryDirs;
    final List<Node> jolietDirs;
    final int primaryPathTableSize;
    final int jolietPathTableSize;
    final long primaryL;
    final long primaryM;
    final long jolietL;
    final long jolietM;
    final long firstFileSector;
    final long totalSectors;
    /** The UDF bridge's structures, or null for an ISO 9660-only image. */
    final UdfLayout udf;

    IsoLayout(SourceTree tree, boolean joliet) throws IOException {
        this(tree, joliet, false);
    }

    IsoLayout(SourceTree tree, boolean joliet, boolean udf) throws IOException {
        this.tree = tree;
        this.joliet = joliet;
        primaryDirs = breadthFirst(tree.root, false);
        jolietDirs = joliet ? breadthFirst(tree.root, true) : List.of();
        if (primaryDirs.size() > MAX_DIRECTORIES) {
            throw new IOException(tree.root.source + ": " + primaryDirs.size() + " directories; a path table"
                    + " holds at most " + MAX_DIRECTORIES);
        }
        for (int i = 0; i < primaryDirs.size(); i++) primaryDirs.get(i).primaryNumber = i + 1;
        for (int i = 0; i < jolietDirs.size(); i++) jolietDirs.get(i).jolietNumber = i + 1;
        primaryPathTableSize = pathTableSize(primaryDirs, false);
        jolietPathTableSize = joliet ? pathTableSize(jolietDirs, true) : 0;

        long next = 16 + (joliet ? 3 : 2); // ECMA-119 6.7.1: descriptors from sector 16, ended by a terminator
        if (udf) next = UdfLayout.FIRST_FREE; // the UDF volume structures and the anchor at 256 come first
        long pts = IsoBytes.sectors(primaryPathTableSize);
        primaryL = next;
        primaryM = next + pts;
        next += 2 * pts;
        long jts = IsoBytes.sectors(jolietPathTableSize);
        jolietL = joliet ? next : 0;
        jolietM = joliet ? next + jts : 0;
        next += 2 * jts;
        for (Node d : primaryDirs) {
            d.primaryExtent = next;
            d.primaryLength = directoryLength(d, false);
            next += d.primaryLength / IsoBytes.SECTOR;
        }
        for (Node d : jolietDirs) {
            d.jolietExtent = next;
            d.jolietLength = directoryLength(d, true);
            next += d.jolietLength / IsoBytes.SECTOR;
        }
        this.udf = udf ? new UdfLayout(tree, next) : null;
        if (udf) next += this.udf.metadataBlocks;
        firstFileSector = next;
        for (Node f : tree.files) {
            f.extent = f.size == 0 ? 0 : next; // an empty file has no extent; location 0 is what readers expect
            next += IsoBytes.sectors(f.size);
        }
        if (udf) next = this.udf.close(next); // the partition ends with the files; the last sector is an anchor
        if (next > 0xFFFF_FFFFL) throw new IOException("image of " + next + " sectors is too large");
        totalSectors = next;
    }

    /** ECMA-119 6.9.1: path-table order is by level, then parent number, then identifier: a sorted BFS. */
    private static List<Node> breadthFirst(Node root, boolean joliet) {
        List<Node> out = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node d = queue.poll();
            out.add(d);
            for (Node c : joliet ? SourceTree.jolietOrder(d) : d.children) {
                if (c.directory && (joliet || c.primaryId != null)) queue.add(c);
            }
        }
        return out;
    }

    static byte[] identifier(Node n, boolean joliet) {
        String id = joliet ? n.jolietId : n.primaryId;
        if (n.parent == null) return new byte[] {0};
        return id.getBytes(joliet ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }

    private static int pathTableSize(List<Node> dirs, boolean joliet) {
        int size = 0;
        for (Node d : dirs) {
            int len = identifier(d, joliet).length;
            size += 8 + len + (len & 1); // ECMA-119 9.4: a padding byte follows an odd-length identifier
        }
        return size;
    }

    /** ECMA-119 9.1.12: LEN_DR = 33 + LEN_FI, plus a padding byte when LEN_FI is even. */
    static int recordLength(int idLength) {
        return 33 + idLength + ((idLength & 1) == 0 ? 1 : 0);
    }

    /** ECMA-119 6.8.1.1: a record never crosses a sector boundary; the extent is whole sectors. */
    private static long directoryLength(Node d, boolean joliet) {
        long sectors = 1;
        int used = 2 * recordLength(1); // "." and ".."
        for (Node c : joliet ? SourceTree.jolietOrder(d) : d.children) {
            if (!joliet && c.primaryId == null) continue; // only in the Joliet and UDF trees
            int len = recordLength(identifier(c, joliet).length);
            if (used + len > IsoBytes.SECTOR) {
                sectors++;
                used = 0;
            }
            used += len;
        }
        return sectors * IsoBytes.SECTOR;
    }
}
