package org.pdistation.imaging.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** The items of an SQ element. Items know their parent so they inherit its Specific Character Set (PS3.5 7.5.3). */
public final class Sequence extends AbstractList<Dataset> {
    private final Dataset parent;
    private final List<Dataset> items;

    Sequence(Dataset parent, int capacity) {
        this.parent = parent;
        this.items = new ArrayList<>(capacity);
    }

    public Dataset parent() { return parent; }

    @Override
    public Dataset get(int index) { return items.get(index); }

    @Override
    public int size() { return items.size(); }

    @Override
    public void add(int index, Dataset item) {
        item.setParent(parent);
        items.add(index, item);
    }

    @Override
    public Dataset set(int index, Dataset item) {
        item.setParent(parent);
        return items.set(index, item);
    }

    @Override
    public Dataset remove(int index) { return items.remove(index); }

    /** Appends a new empty item with the parent's byte order and returns it. */
    public Dataset addItem() {
        Dataset item = new Dataset(parent.isBigEndian(), 8);
        add(item);
        return item;
    }
}
