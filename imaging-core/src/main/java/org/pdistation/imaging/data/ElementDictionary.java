package org.pdistation.imaging.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard Data Element dictionary of PS3.6 Table 6-1 (plus the command, file meta and directory elements of
 * Tables E.1-1, 7-1, 8-1 and the item tags of 9-1), read from the generated resource {@code elements.tsv}.
 *
 * <p>The table is parsed once, on first use, into sorted primitive arrays; afterwards it is immutable and safe for
 * any number of threads. Exact tags take precedence over repeating-group entries such as (60xx,3000), which are
 * matched by mask.
 */
public final class ElementDictionary {

    private ElementDictionary() {
    }

    /**
     * The VR to use when the stream does not say, as in Implicit VR Little Endian (PS3.5 A.1, 7.1.3).
     *
     * <ul>
     *   <li>a dictionary entry gives its VR; where PS3.6 allows alternatives see {@link #implicitVr(List)};</li>
     *   <li>the item and delimitation tags (FFFE,E000/E00D/E0DD) have none: {@code null} (PS3.5 7.5);</li>
     *   <li>any other element 0000 is a Group Length: UL (PS3.5 7.2);</li>
     *   <li>a Private Creator (gggg,0010-00FF) of a private group: LO (PS3.5 7.8.1);</li>
     *   <li>anything else, private data included, is unknown: UN (PS3.5 6.2.2).</li>
     * </ul>
     */
    public static VR vrOf(int tag) {
        Entry entry = Holder.DATA.find(tag);
        if (entry != null) {
            return entry.implicitVr;
        }
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return VR.UN;
    }

    /** Every VR PS3.6 allows for the tag, in its order ("OB or OW" gives [OB, OW]); empty when not in the table. */
    public static List<VR> vrsOf(int tag) {
        Entry entry = Holder.DATA.find(tag);
        return entry == null ? List.of() : entry.vrs;
    }

    /** The PS3.6 keyword, e.g. "PatientName"; {@code null} for tags not in the table or listed without one. */
    public static String keywordOf(int tag) {
        Entry entry = Holder.DATA.find(tag);
        return entry == null || entry.keyword.isEmpty() ? null : entry.keyword;
    }

    /**
     * The tag of a keyword, or -1 when PS3.6 has no such keyword (no Data Element has tag FFFF,FFFF). For a
     * repeating-group entry it is the first group's tag: "OverlayData" gives 0x60003000.
     */
    public static int tagOf(String keyword) {
        Data data = Holder.DATA;
        int i = Arrays.binarySearch(data.keywords, keyword);
        return i < 0 ? -1 : data.keywordTags[i];
    }

    /** The PS3.6 name, e.g. "Patient's Name"; {@code null} for tags not in the table or listed without one. */
    public static String nameOf(int tag) {
        Entry entry = Holder.DATA.find(tag);
        return entry == null || entry.name.isEmpty() ? null : entry.name;
    }

    /** The PS3.6 Value Multiplicity, e.g. "1", "1-n", "2-2n"; {@code null} for tags not in the table. */
    public static String vmOf(int tag) {
        Entry entry = Holder.DATA.find(tag);
        return entry == null ? null : entry.vm;
    }

    /** Whether PS3.6 lists the element as retired; false for tags not in the table. */
    public static boolean isRetired(int tag) {
        Entry entry = Holder.DATA.find(tag);
        return entry != null && entry.retired;
    }

    /**
     * Picks one VR where PS3.6 allows several, for streams that carry none.
     *
     * <p>OW whenever allowed: PS3.5 A.1 prescribes OW in Implicit VR Little Endian for Pixel Data, Overlay Data,
     * Waveform Data and the palette LUT data, all "OB or OW" or formerly "US or SS or OW" in PS3.6. LUT Data
     * (0028,3006) is "US or OW"; the bytes are the same either way, but only OW survives re-encoding a 2^16-entry
     * table in an explicit VR transfer syntax, whose US length field has 16 bits (the note to PS3.5 A.1).
     * Otherwise US: the "US or SS" descriptors have first and third values that are always unsigned, and the Pixel
     * Representation decides the rest, which a reader can only apply later.
     */
    static VR implicitVr(List<VR> vrs) {
        if (vrs.isEmpty()) {
            return null;
        }
        if (vrs.size() == 1) {
            return vrs.get(0);
        }
        if (vrs.contains(VR.OW)) {
            return VR.OW;
        }
        if (vrs.contains(VR.US)) {
            return VR.US;
        }
        return vrs.get(0);
    }

    /** One dictionary row; {@code mask} has F nibbles where the tag is fixed and is 0 for exact entries. */
    private static final class Entry {
        final int tag;
        final int mask;
        final List<VR> vrs;
        final VR implicitVr;
        final String vm;
        final String keyword;
        final String name;
        final boolean retired;

        Entry(int tag, int mask, List<VR> vrs, String vm, String keyword, String name, boolean retired) {
            this.tag = tag;
            this.mask = mask;
            this.vrs = vrs;
            this.implicitVr = implicitVr(vrs);
            this.vm = vm;
            this.keyword = keyword;
            this.name = name;
            this.retired = retired;
        }
    }

    /** Initialization-on-demand holder: the JVM's class initialization makes the one load lazy and thread-safe. */
    private static final class Holder {
        static final Data DATA = Data.load();
    }

    private static final class Data {
        private final int[] exactTags;
        private final Entry[] exact;
        private final Entry[] masked;
        private final String[] keywords;
        private final int[] keywordTags;

        private Data(List<Entry> entries) {
            List<Entry> exactList = new ArrayList<>();
            List<Entry> maskedList = new ArrayList<>();
            for (Entry e : entries) {
                (e.mask == 0 ? exactList : maskedList).add(e);
            }
            // Signed order, the order Arrays.binarySearch(int[]) expects; (FFFE,E000) is negative.
            exact = exactList.stream().sorted(Comparator.comparingInt(e -> e.tag)).toArray(Entry[]::new);
            exactTags = Arrays.stream(exact).mapToInt(e -> e.tag).toArray();
            // Most specific mask first, should two ever overlap: (1000,xxx0) before (1010,xxxx).
            masked = maskedList.stream()
                    .sorted(Comparator.comparingInt((Entry e) -> -Integer.bitCount(e.mask))
                            .thenComparingInt(e -> e.tag))
                    .toArray(Entry[]::new);
            Entry[] named = entries.stream().filter(e -> !e.keyword.isEmpty())
                    .sorted(Comparator.comparing(e -> e.keyword)).toArray(Entry[]::new);
            keywords = Arrays.stream(named).map(e -> e.keyword).toArray(String[]::new);
            keywordTags = Arrays.stream(named).mapToInt(e -> e.tag).toArray();
        }

        Entry find(int tag) {
            int i = Arrays.binarySearch(exactTags, tag);
            if (i >= 0) {
                return exact[i];
            }
            // Repeating groups are even (PS3.5 7.6); a private group or a group length never belongs to one.
            if (Tag.isPrivate(tag) || Tag.isGroupLength(tag)) {
                return null;
            }
            for (Entry e : masked) {
                if ((tag & e.mask) == e.tag) {
                    return e;
                }
            }
            return null;
        }

        static Data load() {
            String text;
            try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("elements.tsv missing next to " + ElementDictionary.class);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read elements.tsv", e);
            }
            return new Data(parse(text));
        }

        /** Columns: tag, mask, vrs joined by '/', vm, keyword, retired (R), name; '#' starts a comment line. */
        static List<Entry> parse(String text) {
            List<Entry> entries = new ArrayList<>(5000);
            Map<String, List<VR>> vrLists = new HashMap<>();
            TsvRows.forEach(text, 7, "elements.tsv", (t, c) -> {
                int tag = Integer.parseUnsignedInt(t, c[0], c[1] - 1, 16);
                int mask = c[2] - 1 > c[1] ? Integer.parseUnsignedInt(t, c[1], c[2] - 1, 16) : 0;
                List<VR> vrs = vrLists.computeIfAbsent(TsvRows.column(t, c, 2), ElementDictionary::parseVrs);
                entries.add(new Entry(tag, mask, vrs, TsvRows.column(t, c, 3), TsvRows.column(t, c, 4),
                        TsvRows.column(t, c, 6), TsvRows.flag(t, c, 5, 'R')));
            });
            return entries;
        }
    }

    private static List<VR> parseVrs(String column) {
        if (column.isEmpty()) {
            return List.of();
        }
        List<VR> vrs = new ArrayList<>(2);
        int start = 0;
        while (start <= column.length()) {
            int slash = column.indexOf('/', start);
            int end = slash < 0 ? column.length() : slash;
            vrs.add(VR.valueOf(column.substring(start, end)));
            start = end + 1;
        }
        return List.copyOf(vrs);
    }
}
