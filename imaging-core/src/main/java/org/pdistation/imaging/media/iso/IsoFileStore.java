package org.pdistation.imaging.media.iso;

import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

/** The one read-only store of an image: its size is the image size, nothing is free. */
final class IsoFileStore extends FileStore {
    private final IsoImage image;

    IsoFileStore(IsoImage image) {
        this.image = image;
    }

    @Override
    public String name() { return image.volumeId(); }

    @Override
    public String type() {
        return switch (image.format()) {
            case UDF -> "udf";
            case JOLIET -> "iso9660+joliet";
            case ISO9660 -> "iso9660";
        };
    }

    @Override
    public boolean isReadOnly() { return true; }

    @Override
    public long getTotalSpace() { return image.imageSize(); }

    @Override
    public long getUsableSpace() { return 0; }

    @Override
    public long getUnallocatedSpace() { return 0; }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) { return "basic".equals(name); }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) { return null; }

    @Override
    public Object getAttribute(String attribute) {
        throw new UnsupportedOperationException("file store attribute " + attribute);
    }
}
