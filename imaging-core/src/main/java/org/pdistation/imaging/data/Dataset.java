package org.pdistation.imaging.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;

import org.pdistation.imaging.charset.SpecificCharacterSet;

/**
 * A DICOM dataset: tags, VRs and values in parallel arrays sorted by tag (binary search, no object per element).
 *
 * <p>A value is one of: {@code null} (empty), {@code byte[]} (the encoded value as read, in this dataset's byte
 * order, padding included), {@code String} (text set through the API, encoded when written), {@link Sequence},
 * {@link Fragments} or {@link BulkData}. Keeping the bytes as read lets a file be rewritten without loss and text be
 * decoded lazily with the Specific Character Set in force (PS3.5 6.1.2.3, inherited by items per PS3.5 7.5.3).
 *
 * <p>Not thread-safe for writes; safe to read from several threads once built.
 */
public final class Dataset {
    private static final int[] NO_TAGS = new int[0];
    private static final VR[] NO_VRS = new VR[0];
    private static final Object[] NO_VALUES = new Object[0];

    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private final boolean bigEndian;
    private Dataset parent;
    private SpecificCharacterSet charset;
    private long streamPosition = -1;

    public Dataset() {
        this(false, 16);
    }

    public Dataset(boolean bigEndian, int capacity) {
        this.bigEndian = bigEndian;
        this.tags = capacity == 0 ? NO_TAGS : new int[capacity];
        this.vrs = capacity == 0 ? NO_VRS : new VR[capacity];
        this.values = capacity == 0 ? NO_VALUES : new Object[capacity];
    }

    // ----- structure -----------------------------------------------------------------------------------------

    /** Byte order of the binary values held as {@code byte[]}. */
    public boolean isBigEndian() { return bigEndian; }

    /** The dataset holding the sequence this item belongs to; null at the top level. */
    public Dataset parent() { return parent; }

    void setParent(Dataset parent) {
        this.parent = parent;
        if (!contains(Tag.SpecificCharacterSet)) {
            this.charset = null;
        }
    }

    /** Byte offset of this item's tag (or of the dataset) in the stream it was read from; -1 when unknown. */
    public long streamPosition() { return streamPosition; }

    public void setStreamPosition(long position) { this.streamPosition = position; }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    public int tagAt(int index) { return tags[index]; }

    public VR vrAt(int index) { return vrs[index]; }

    public Object valueAt(int index) { return values[index]; }

    /** Index of {@code tag}, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch}. */
    public int indexOf(int tag) {
        // Elements are kept sorted by tag as unsigned 32-bit numbers (PS3.5 7.1: ascending order).
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public boolean contains(int tag) { return indexOf(tag) >= 0; }

    /** The raw value held for {@code tag} (see class comment), or null. */
    public Object get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    /** Sets an element; {@code value} must be null, byte[], String, Sequence, Fragments or BulkData. */
    public Object set(int tag, VR vr, Object value) {
        checkValue(vr, value);
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
            // Items below cache their set too; they check their own element on access, so reset lazily.
        }
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            append(tag, vr, value);
            return null;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            Object old = values[i];
            vrs[i] = vr;
            values[i] = value;
            return old;
        }
        insert(-i - 1, tag, vr, value);
        return null;
    }

    private static void checkValue(VR vr, Object value) {
        if (value == null || value instanceof byte[] || value instanceof String || value instanceof BulkData
                || value instanceof Fragments) {
            return;
        }
        if (value instanceof Sequence) {
            if (vr != VR.SQ && vr != VR.UN) {
                throw new IllegalArgumentException("sequence value with VR " + vr);
            }
            return;
        }
        throw new IllegalArgumentException("unsupported value type: " + value.getClass().getName());
    }

    private void append(int tag, VR vr, Object value) {
        if (size == tags.length) {
            grow();
        }
        tags[size] = tag;
        vrs[size] = vr;
        values[size] = value;
        size++;
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            grow();
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(vrs, at, vrs, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    private void grow() {
        int n = Math.max(8, tags.length * 2);
        tags = Arrays.copyOf(tags, n);
        vrs = Arrays.copyOf(vrs, n);
        values = Arrays.copyOf(values, n);
    }

    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        int tail = size - i - 1;
        System.arraycopy(tags, i + 1, tags, i, tail);
        System.arraycopy(vrs, i + 1, vrs, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return old;
    }

    /** Calls {@code action} for every element in tag order. */
    public void forEach(ElementConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(tags[i], vrs[i], values[i]);
        }
    }

    /** Receives one element of a dataset. */
    @FunctionalInterface
    public interface ElementConsumer {
        void accept(int tag, VR vr, Object value);
    }

    // ----- character set -------------------------------------------------------------------------------------

    /** The Specific Character Set in force: this dataset's (0008,0005), else the enclosing dataset's. */
    public SpecificCharacterSet charset() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0) {
                cs = SpecificCharacterSet.of(asciiValues(values[i]));
            } else {
                cs = parent != null ? parent.charset() : SpecificCharacterSet.DEFAULT;
            }
            charset = cs;
        }
        return cs;
    }

    private static String[] asciiValues(Object value) {
        String s;
        if (value instanceof byte[] b) {
            s = new String(b, StandardCharsets.ISO_8859_1);
        } else if (value instanceof String str) {
            s = str;
        } else {
            return new String[0];
        }
        // Keep empty values: an empty first value means "default repertoire" before the extensions (PS3.3 C.12.1.1.2).
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    // ----- typed getters ------------------------------------------------------------------------------------

    /** All values of a text or numeric element as strings, trimmed per PS3.5 6.2; empty array when absent. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new String[0] : ValueDecoder.strings(vrs[i], values[i], this);
    }

    /** Value {@code index} as a string, or null when absent or shorter. */
    public String getString(int tag, int index) {
        String[] v = getStrings(tag);
        return index < v.length ? v[index] : null;
    }

    /** The first value as a string, or null when absent or empty. */
    public String getString(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return null;
        }
        String[] v = ValueDecoder.strings(vrs[i], values[i], this);
        return v.length == 0 ? null : v[0];
    }

    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /** The whole text of an element (values joined by backslash), decoded; null when absent. */
    public String getText(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return null;
        }
        return String.join("\\", ValueDecoder.strings(vrs[i], values[i], this));
    }

    public int[] getInts(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new int[0] : ValueDecoder.ints(vrs[i], values[i], this);
    }

    public int getInt(int tag, int defaultValue) {
        int[] v = getInts(tag);
        return v.length > 0 ? v[0] : defaultValue;
    }

    public long[] getLongs(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new long[0] : ValueDecoder.longs(vrs[i], values[i], this);
    }

    public long getLong(int tag, long defaultValue) {
        long[] v = getLongs(tag);
        return v.length > 0 ? v[0] : defaultValue;
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new double[0] : ValueDecoder.doubles(vrs[i], values[i], this);
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length > 0 ? v[0] : defaultValue;
    }

    public LocalDate getDate(int tag) { return DicomDateTime.parseDate(getString(tag)); }

    public LocalTime getTime(int tag) { return DicomDateTime.parseTime(getString(tag)); }

    /** A DT value as {@link java.time.LocalDateTime} or {@link java.time.OffsetDateTime}. */
    public Temporal getDateTime(int tag) { return DicomDateTime.parseDateTime(getString(tag)); }

    /** The first PN value with its three component groups, decoded group by group (PS3.5 6.2.1). */
    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    /** Raw bytes of a value held in memory (text set through the API is encoded); null for other kinds. */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return ValueEncoder.encodeText(vrs[i], s, charset());
        }
        return null;
    }

    public Sequence getSequence(int tag) {
        return get(tag) instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        return get(tag) instanceof Fragments f ? f : null;
    }

    public BulkData getBulkData(int tag) {
        return get(tag) instanceof BulkData b ? b : null;
    }

    // ----- typed setters ------------------------------------------------------------------------------------

    /** Sets a text element; several values are joined with backslash (PS3.5 6.4). */
    public void setString(int tag, VR vr, String... value) {
        set(tag, vr, value.length == 0 ? null : value.length == 1 ? value[0] : String.join("\\", value));
    }

    public void setInt(int tag, VR vr, int... value) {
        set(tag, vr, ValueEncoder.ints(vr, value, bigEndian));
    }

    public void setLong(int tag, VR vr, long... value) {
        set(tag, vr, ValueEncoder.longs(vr, value, bigEndian));
    }

    public void setDouble(int tag, VR vr, double... value) {
        set(tag, vr, ValueEncoder.doubles(vr, value, bigEndian));
    }

    public void setBytes(int tag, VR vr, byte[] value) {
        set(tag, vr, value);
    }

    public void setPersonName(int tag, PersonName name) {
        set(tag, VR.PN, name == null ? null : name.toString());
    }

    /** Creates (or replaces with) an empty sequence and returns it. */
    public Sequence newSequence(int tag, int capacity) {
        Sequence s = new Sequence(this, capacity);
        set(tag, VR.SQ, s);
        return s;
    }

    /** The existing sequence, or a new one when absent. */
    public Sequence ensureSequence(int tag) {
        Sequence s = getSequence(tag);
        return s != null ? s : newSequence(tag, 1);
    }

    // ----- private elements ---------------------------------------------------------------------------------

    /**
     * The tag of a private element: finds the block that {@code creator} reserved in {@code group} (PS3.5 7.8.1)
     * and returns {@code (group, block << 8 | elementOffset)}, or -1 when the creator has no block.
     */
    public int privateTag(String creator, int group, int elementOffset) {
        int block = privateBlock(creator, group, false);
        return block < 0 ? -1 : (group << 16) | (block << 8) | (elementOffset & 0xFF);
    }

    /** Like {@link #privateTag} but reserves a free block for the creator when it has none. */
    public int reservePrivateTag(String creator, int group, int elementOffset) {
        int block = privateBlock(creator, group, true);
        if (block < 0) {
            throw new IllegalStateException("no free private block in group " + Integer.toHexString(group));
        }
        return (group << 16) | (block << 8) | (elementOffset & 0xFF);
    }

    /** The creator that reserved the block holding private {@code tag}, or null. */
    public String privateCreatorOf(int tag) {
        int e = Tag.element(tag);
        if (!Tag.isPrivate(tag) || e < 0x1000) {
            return null;
        }
        return getString((tag & 0xFFFF0000) | (e >>> 8));
    }

    private int privateBlock(String creator, int group, boolean create) {
        int free = -1;
        for (int b = 0x10; b <= 0xFF; b++) {
            int t = (group << 16) | b;
            String c = getString(t);
            if (c == null) {
                if (free < 0 && !contains(t)) {
                    free = b;
                }
            } else if (c.equals(creator)) {
                return b;
            }
        }
        if (create && free >= 0) {
            set((group << 16) | free, VR.LO, creator);
            return free;
        }
        return -1;
    }

    // ----- copies -------------------------------------------------------------------------------------------

    /** A deep copy: nested sequences are copied; byte arrays and bulk references are shared (treat as immutable). */
    public Dataset copy() {
        Dataset d = new Dataset(bigEndian, size);
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            if (v instanceof Sequence s) {
                Sequence c = d.newSequence(tags[i], s.size());
                for (Dataset item : s) {
                    c.add(item.copy());
                }
                d.vrs[d.indexOf(tags[i])] = vrs[i];
            } else {
                d.append(tags[i], vrs[i], v);
            }
        }
        d.streamPosition = streamPosition;
        return d;
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " elements" + (bigEndian ? ", big endian" : "") + "]";
    }
}
