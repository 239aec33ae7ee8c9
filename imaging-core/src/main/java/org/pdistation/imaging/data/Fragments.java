package org.pdistation.imaging.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by fragments. Each item is a
 * {@code byte[]} or a {@link BulkData} reference into the file.
 */
public final class Fragments {
    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    public VR vr() { return vr; }

    /** Adds an item: {@code byte[]} or {@link BulkData}. The first item is the Basic Offset Table (may be empty). */
    public void add(Object item) {
        if (!(item instanceof byte[]) && !(item instanceof BulkData)) {
            throw new IllegalArgumentException("fragment must be byte[] or BulkData: " + item);
        }
        items.add(item);
    }

    public List<Object> items() { return Collections.unmodifiableList(items); }

    public int size() { return items.size(); }

    public Object get(int index) { return items.get(index); }

    /** Length of item {@code index} in bytes. */
    public long length(int index) {
        Object o = items.get(index);
        return o instanceof byte[] b ? b.length : ((BulkData) o).length();
    }
}
