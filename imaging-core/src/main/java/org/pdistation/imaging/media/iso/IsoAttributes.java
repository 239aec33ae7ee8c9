package org.pdistation.imaging.media.iso;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Basic attributes of an image entry: the recording time of its directory record stands for all three times. */
record IsoAttributes(IsoEntry entry) implements BasicFileAttributes {
    private FileTime time() {
        Instant t = entry.time();
        return FileTime.from(t == null ? Instant.EPOCH : t);
    }

    @Override public FileTime lastModifiedTime() { return time(); }
    @Override public FileTime lastAccessTime() { return time(); }
    @Override public FileTime creationTime() { return time(); }
    @Override public boolean isRegularFile() { return !entry.isDirectory(); }
    @Override public boolean isDirectory() { return entry.isDirectory(); }
    @Override public boolean isSymbolicLink() { return false; }
    @Override public boolean isOther() { return false; }
    @Override public long size() { return entry.size(); }
    @Override public Object fileKey() { return entry; }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastModifiedTime", lastModifiedTime());
        m.put("lastAccessTime", lastAccessTime());
        m.put("creationTime", creationTime());
        m.put("size", size());
        m.put("isRegularFile", isRegularFile());
        m.put("isDirectory", isDirectory());
        m.put("isSymbolicLink", isSymbolicLink());
        m.put("isOther", isOther());
        m.put("fileKey", fileKey());
        return m;
    }
}
