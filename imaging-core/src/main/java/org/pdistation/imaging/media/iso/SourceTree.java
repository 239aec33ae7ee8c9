package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
        /** Null where the entry is only in the Joliet and UDF trees (a long name below a long-name folder). */
        final String primaryId;
        final String jolietId;
        final boolean directory;
        final long size;
        final int level;
        /** The source file is executable by its owner: the UDF File Entry records execute permission. */
        boolean executable;
        /** Below a long-name folder: the source's modification time, which UDF records (AppCDS checks it). */
        java.time.Instant modified;
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

    /** Level 1 names everywhere. */
    static SourceTree scan(Path sourceRoot, boolean joliet) throws IOException {
        return scan(sourceRoot, joliet, Set.of());
    }

    /**
     * Walks {@code sourceRoot} in name order; refuses names, depths and sizes the image format cannot hold. Below
     * the root folders named in {@code longNameFolders}, a name that is not a Level 1 name, or an entry deeper than
     * 8 levels, is kept out of the Level 1 tree (with everything below it) instead of refused.
     */
    static SourceTree scan(Path sourceRoot, boolean joliet, Set<String> longNameFolders) throws IOException {
        if (!Files.isDirectory(sourceRoot)) throw new IOException(sourceRoot + ": not a directory");
        Node root = new Node(sourceRoot, "", "\0", "\0", true, 0, 1);
        SourceTree tree = new SourceTree(root);
        tree.fill(root, joliet, longNameFolders, false);
        return tree;
    }

    private void fill(Node dir, boolean joliet, Set<String> longNameFolders, boolean longNames) throws IOException {
        directories.add(dir);
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir.source)) {
            entries = s.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean longHere = longNames || dir.parent == null && a.isDirectory() && longNameFolders.contains(name);
            if (a.isDirectory()) {
                if (dir.level + 1 > MAX_LEVELS && !longHere) {
                    throw new IOException(p + ": directory nested deeper than the " + MAX_LEVELS
                            + " levels ISO 9660 allows (ECMA-119 6.8.2.1)");
                }
                String primary = longHere ? longNamePrimary(dir, name, dir.level + 1, true, p)
                        : IsoNames.level1Directory(name, p);
                Node n = new Node(p, name, primary,
                        joliet ? IsoNames.joliet(name, false, p) : null, true, 0, dir.level + 1);
                n.parent = dir;
                dir.children.add(n);
                fill(n, joliet, longNameFolders, longHere);
            } else if (a.isRegularFile()) {
                if (a.size() > MAX_FILE) {
                    throw new IOException(p + ": " + a.size() + " bytes; an ISO 9660 Level 1 file is at most "
                            + MAX_FILE + " bytes (4 GiB - 1)");
                }
                String primary = longHere ? longNamePrimary(dir, name, dir.level, false, p)
                        : IsoNames.level1File(name, p);
                Node n = new Node(p, name, primary,
                        joliet ? IsoNames.joliet(name, true, p) : null, false, a.size(), dir.level);
                n.executable = executable(p);
                // Below a long-name folder (a viewer) the file keeps its own time; elsewhere the volume's time.
                if (longHere) n.modified = a.lastModifiedTime().toInstant();
                n.parent = dir;
                dir.children.add(n);
                files.add(n);
            } else {
                throw new IOException(p + ": neither a regular file nor a directory (links are not written)");
            }
        }
        // Entries outside the Level 1 tree go last, in name order (only the UDF tree takes this order).
        dir.children.sort(Comparator.comparing((Node x) -> x.primaryId, Comparator.nullsLast(IsoNames.PRIMARY_ORDER))
                .thenComparing(x -> x.name));
        for (int i = 1; i < dir.children.size(); i++) {
            String id = dir.children.get(i).primaryId;
            if (id != null && id.equals(dir.children.get(i - 1).primaryId)) {
                throw new IOException(dir.children.get(i).source + ": two entries with the identifier "
                        + dir.children.get(i).primaryId);
            }
        }
    }

    /**
     * Below a long-name folder: the Level 1 identifier when the name is one, the entry's parent is in the Level 1
     * tree and the entry stays within 8 levels (ECMA-119 6.8.2.1); null otherwise.
     */
    private static String longNamePrimary(Node parent, String name, int level, boolean directory, Path p) {
        if (parent.primaryId == null || level > MAX_LEVELS) return null;
        try {
            return directory ? IsoNames.level1Directory(name, p) : IsoNames.level1File(name, p);
        } catch (IOException notLevel1) {
            return null;
        }
    }

    /** The owner may execute the file (POSIX file systems; elsewhere whatever the JDK reports). */
    private static boolean executable(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        }
        return Files.isExecutable(p);
    }

    /** Children in Joliet order (the same set, UCS-2 ordering). */
    static List<Node> jolietOrder(Node dir) {
        List<Node> out = new ArrayList<>(dir.children);
        out.sort((x, y) -> IsoNames.JOLIET_ORDER.compare(x.jolietId, y.jolietId));
        return out;
    }
}
