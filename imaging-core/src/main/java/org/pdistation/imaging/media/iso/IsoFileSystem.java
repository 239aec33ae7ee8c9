package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A read-only {@link FileSystem} over an ISO 9660 image (Joliet tree preferred), so that the importer and the
 * readers of imaging-core read an {@code .iso} file as they read a mounted disc. Open with
 * {@link IsoFileSystems#open(Path)}; {@link #close()} closes the image.
 */
public final class IsoFileSystem extends FileSystem {
    private final IsoFileSystemProvider provider;
    private final IsoImage image;
    private final IsoPath root;
    private volatile boolean open = true;

    IsoFileSystem(IsoFileSystemProvider provider, IsoImage image) {
        this.provider = provider;
        this.image = image;
        this.root = new IsoPath(this, true);
    }

    /** The root directory of the image. */
    public Path root() {
        return root;
    }

    /** The volume identifier of the tree in use (Joliet or primary). */
    public String volumeId() {
        return image.volumeId();
    }

    /** Which tree of the image is read: ISO 9660, Joliet or UDF. */
    public ImageFormat format() {
        return image.format();
    }

    /**
     * Descriptors that were bad and skipped while reading the tree (UDF: sector, descriptor and what is wrong), so
     * that a reader can say which files of a damaged image are missing; empty for a sound image.
     */
    public List<String> problems() {
        return image.problems();
    }

    /** The image file this file system reads. */
    public Path imageFile() {
        return image.file();
    }

    /** Whether names come from the Joliet tree. */
    public boolean joliet() {
        return image.joliet();
    }

    /**
     * The POSIX permissions a UDF File Entry records for {@code path} (ECMA-167 4/14.9.5: owner, group and other
     * read, write and execute; change-attribute and delete have no POSIX counterpart); empty for an ISO 9660 or
     * Joliet tree, which records none.
     */
    public Optional<Set<PosixFilePermission>> posixPermissions(Path path) throws IOException {
        if (!(path instanceof IsoPath p) || p.getFileSystem() != this) {
            throw new ProviderMismatchException(path + " is not a path of this image");
        }
        int bits = lookup(p).permissions();
        if (bits < 0) return Optional.empty();
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = { // bits 0-2, 5-7, 10-12: execute, write, read of other, group, owner
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((bits >> (i / 3 * 5 + i % 3) & 1) != 0) out.add(order[i]);
        }
        return Optional.of(out);
    }

    Path image() {
        return image.file();
    }

    IsoImage isoImage() {
        return image;
    }

    IsoEntry lookup(IsoPath path) throws IOException {
        ensureOpen();
        IsoPath p = (IsoPath) path.toAbsolutePath().normalize();
        IsoEntry e = image.root();
        String[] names = p.names();
        for (int i = 0; i < names.length; i++) {
            if (!e.isDirectory()) throw new NotDirectoryException(new IsoPath(this, true,
                    java.util.Arrays.copyOf(names, i)).toString());
            e = e.child(names[i]);
            if (e == null) throw new NoSuchFileException(path.toString());
        }
        return e;
    }

    void ensureOpen() {
        if (!open) throw new ClosedFileSystemException();
    }

    @Override
    public IsoFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            image.close();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(root);
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(new IsoFileStore(image));
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        return IsoPath.parse(this, first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("expected syntax:pattern, got " + syntaxAndPattern);
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern p = switch (syntax.toLowerCase(java.util.Locale.ROOT)) {
            case "regex" -> Pattern.compile(pattern);
            case "glob" -> Pattern.compile(globToRegex(pattern));
            default -> throw new UnsupportedOperationException("path matcher syntax " + syntax);
        };
        return path -> p.matcher(path.toString()).matches();
    }

    /** java.nio.file.FileSystem#getPathMatcher glob rules: *, **, ?, [..], {a,b}; "/" is the separator. */
    static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        r.append(".*");
                        i++;
                    } else {
                        r.append("[^/]*");
                    }
                }
                case '?' -> r.append("[^/]");
                case '{' -> {
                    r.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    r.append(')');
                    inGroup = false;
                }
                case ',' -> r.append(inGroup ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) throw new IllegalArgumentException("unclosed [ in glob " + glob);
                    String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                    r.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("an ISO image has no user principals");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("an ISO image cannot be watched");
    }
}
