package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The source folder as the writer lays it out: one node per file or directory, with the identifiers of both trees
 * and the sectors assigned by {@link IsoLayout}. Built once, then only read.
 */
final class SourceTree {
    /** ECMA-119 6.8.2.1: the hierarchy has at most 8 levels, the root being level 1. */
    static final int MAX_LEVELS = 8;
    /** ECMA-119 9.1.4 / 9.1.5: a Level 1/2 file is one extent whose length is a 32-bit number. */
    static final long MAX_FILE = 0xFFFF_FFFFL;

    static final class Node {
        final Path source;
        final String name;
        final String primaryId;
        final String jolietId;
        final boolean directory;
        final long size;
        final int level;
        final List<Node> children = new ArrayList<>();
        /** Assigned by the layout: the first sector of the file data or of each tree's directory extent. */
        long extent;
        long primaryExtent;
        long primaryLength;
        long jolietExtent;
        long jolietLength;
        /** Path-table directory numbers (ECMA-119 9.4.6), 1 for the root. */
        int primaryNumber;
        int jolietNumber;
        Node parent;
        /** UDF (assigned by {@link UdfLayout}): logical blocks of the File Entry and of a directory's FIDs. */
        long udfEntry;
        long udfData;
        long udfDataLength;
        long uniqueId;

        Node(Path source, String name, String primaryId, String jolietId, boolean directory, long size, int level) {
            this.source = source;
            this.name = name;
            this.primaryId = primaryId;
            this.jolietId = jolietId;
            this.directory = directory;
            this.size = size;
            this.level = level;
        }
    }

    final Node root;
    final List<Node> directories = new ArrayList<>();
    final List<Node> files = new ArrayList<>();

    private SourceTree(Node root) {
        this.root = root;
    }

    /** Walks {@code sourceRoot} in name order; refuses names, depths and sizes the image format cannot hold. */
    static SourceTree scan(Path sourceRoot, boolean joliet) throws IOException {
        if (!Files.isDirectory(sourceRoot)) throw new IOException(sourceRoot + ": not a directory");
        Node root = new Node(sourceRoot, "", "\0", "\0", true, 0, 1);
        SourceTree tree = new SourceTree(root);
        tree.fill(root, joliet);
        return tree;
    }

    private void fill(Node dir, boolean joliet) throws IOException {
        directories.add(dir);
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir.source)) {
            entries = s.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                if (dir.level + 1 > MAX_LEVELS) {
                    throw new IOException(p + ": directory nested deeper than the " + MAX_LEVELS
                            + " levels ISO 9660 allows (ECMA-119 6.8.2.1)");
                }
                Node n = new Node(p, name, IsoNames.level1Directory(name, p),
                        joliet ? IsoNames.joliet(name, false, p) : null, true, 0, dir.level + 1);
                n.parent = dir;
                dir.children.add(n);
                fill(n, joliet);
            } else if (a.isRegularFile()) {
                if (a.size() > MAX_FILE) {
                    throw new IOException(p + ": " + a.size() + " bytes; an ISO 9660 Level 1 file is at most "
                            + MAX_FILE + " bytes (4 GiB - 1)");
                }
                Node n = new Node(p, name, IsoNames.level1File(name, p),
                        joliet ? IsoNames.joliet(name, true, p) : null, false, a.size(), dir.level);
                n.parent = dir;
                dir.children.add(n);
                files.add(n);
            } else {
                throw new IOException(p + ": neither a regular file nor a directory (links are not written)");
            }
        }
        dir.children.sort((x, y) -> IsoNames.PRIMARY_ORDER.compare(x.primaryId, y.primaryId));
        for (int i = 1; i < dir.children.size(); i++) {
            if (dir.children.get(i - 1).primaryId.equals(dir.children.get(i).primaryId)) {
                throw new IOException(dir.children.get(i).source + ": two entries with the identifier "
                        + dir.children.get(i).primaryId);
            }
        }
    }

    /** Children in Joliet order (the same set, UCS-2 ordering). */
    static List<Node> jolietOrder(Node dir) {
        List<Node> out = new ArrayList<>(dir.children);
        out.sort((x, y) -> IsoNames.JOLIET_ORDER.compare(x.jolietId, y.jolietId));
        return out;
    }
}
