package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider behind each {@link IsoFileSystem}: one instance per opened image, never installed in the JDK.
 * Reading works as on a mounted disc; anything that would write throws {@link ReadOnlyFileSystemException}.
 */
final class IsoFileSystemProvider extends FileSystemProvider {
    static final String SCHEME = "iso";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("open images with IsoFileSystems.open(Path)");
    }

    @Override
    public FileSystem newFileSystem(Path path, Map<String, ?> env) throws IOException {
        return IsoFileSystems.open(path);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new FileSystemNotFoundException(uri.toString());
    }

    @Override
    public Path getPath(URI uri) {
        throw new FileSystemNotFoundException(uri.toString());
    }

    private static IsoPath iso(Path p) {
        if (!(p instanceof IsoPath ip)) throw new ProviderMismatchException("not an ISO image path: " + p);
        return ip;
    }

    private static IsoEntry entry(Path p) throws IOException {
        IsoPath ip = iso(p);
        return ip.getFileSystem().lookup(ip);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.WRITE || o == StandardOpenOption.APPEND || o == StandardOpenOption.CREATE
                    || o == StandardOpenOption.CREATE_NEW || o == StandardOpenOption.TRUNCATE_EXISTING
                    || o == StandardOpenOption.DELETE_ON_CLOSE) {
                throw new ReadOnlyFileSystemException();
            }
        }
        IsoEntry e = entry(path);
        if (e.isDirectory()) throw new FileSystemException(path.toString(), null, "is a directory");
        return new IsoByteChannel(e, iso(path).getFileSystem().isoImage().channel());
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        IsoEntry e = entry(dir);
        if (!e.isDirectory()) throw new NotDirectoryException(dir.toString());
        List<Path> children = new ArrayList<>();
        for (IsoEntry c : e.children()) {
            Path p = dir.resolve(c.name());
            if (filter == null || filter.accept(p)) children.add(p);
        }
        return new DirectoryStream<>() {
            private boolean iterated;

            @Override
            public Iterator<Path> iterator() {
                if (iterated) throw new IllegalStateException("a directory stream iterates once");
                iterated = true;
                return children.iterator();
            }

            @Override
            public void close() {
                // the listing was read with the image: nothing to release
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean isSameFile(Path a, Path b) throws IOException {
        if (a.equals(b)) return true;
        if (!(a instanceof IsoPath) || !(b instanceof IsoPath) || a.getFileSystem() != b.getFileSystem()) {
            return false;
        }
        return entry(a) == entry(b);
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        entry(path);
        return new IsoFileStore(iso(path).getFileSystem().isoImage());
    }

    /** Write is refused; execute too, since nothing found on a medium is ever run. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        entry(path);
        for (AccessMode m : modes) {
            if (m != AccessMode.READ) throw new AccessDeniedException(path.toString(), null, "read-only ISO image");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) return null;
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return new IsoAttributes(entry(path));
            }

            @Override
            public void setTimes(FileTime modified, FileTime access, FileTime create) {
                throw new ReadOnlyFileSystemException();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(IsoAttributes.class)) {
            throw new UnsupportedOperationException(type.getSimpleName() + " on an ISO image");
        }
        return (A) new IsoAttributes(entry(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        if (!view.equals("basic")) throw new UnsupportedOperationException("attribute view " + view);
        Map<String, Object> all = new IsoAttributes(entry(path)).asMap();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : attributes.substring(colon + 1).split(",")) {
            if (a.equals("*")) {
                out.putAll(all);
            } else if (all.containsKey(a)) {
                out.put(a, all.get(a));
            } else {
                throw new IllegalArgumentException("unknown attribute " + a);
            }
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new ReadOnlyFileSystemException();
    }
}
