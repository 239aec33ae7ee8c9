import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * Generates the element and UID dictionaries of imaging-core from the PS3.6 tables extracted into
 * {@code dictionary.tsv} (PS3.6 Table 6-1, 7-1, 8-1, 9-1: tag, vr, vm, keyword, name, retired) and
 * {@code uids.tsv} (PS3.6 Table A-1 and A-2: uid, name, type, info, retired, keyword).
 *
 * <p>Usage, from the repository root (JDK 21+ source launcher, no dependencies):
 * <pre>java imaging-core/src/build/java/DictionaryGenerator.java ../shared/dicom-standard imaging-core/src/main</pre>
 * or {@code ./mvnw -q -pl imaging-core -Pgenerate-dictionaries generate-sources}.
 *
 * <p>The output is a pure function of the two input files: entries are sorted, there are no timestamps and lines
 * end in LF, so that {@code GeneratedDictionaryUpToDateTest} can compare the committed files byte for byte.
 */
public final class DictionaryGenerator {

    private static final String PACKAGE = "org.pdistation.imaging.data";
    private static final String PACKAGE_DIR = PACKAGE.replace('.', '/');
    private static final String REGENERATE =
            "./mvnw -q -pl imaging-core -Pgenerate-dictionaries generate-sources";

    /** PS3.5 Table 6.2-1: the only two-letter codes a VR column may name. */
    private static final Set<String> VRS = Set.of(
            "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV",
            "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

    /**
     * PS3.5 7.5: the item and delimitation tags have no VR and are not Data Elements, but every reader needs them.
     * PS3.6 Table 9-1 lists them; they are added here only should the extracted table ever lack them.
     */
    private static final List<Element> ITEM_TAGS = List.of(
            new Element(0xFFFEE000, 0, "(FFFE,E000)", List.of(), "1", "Item", "Item", false),
            new Element(0xFFFEE00D, 0, "(FFFE,E00D)", List.of(), "1", "ItemDelimitationItem",
                    "Item Delimitation Item", false),
            new Element(0xFFFEE0DD, 0, "(FFFE,E0DD)", List.of(), "1", "SequenceDelimitationItem",
                    "Sequence Delimitation Item", false));

    /** One row of dictionary.tsv. {@code mask} is 0 for an exact tag, else has F nibbles where the tag is fixed. */
    record Element(int value, int mask, String tagText, List<String> vrs, String vm, String keyword, String name,
                   boolean retired) {
        boolean masked() {
            return mask != 0;
        }
    }

    /** One row of uids.tsv; {@code type} is the enum constant name derived from the type column. */
    record Uid(String uid, String name, String typeLabel, String type, String keyword, boolean retired) {
    }

    private final List<String> warnings = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java DictionaryGenerator.java <dicom-standard dir> <src/main dir>");
            System.exit(2);
        }
        Path standard = Path.of(args[0]);
        Path main = Path.of(args[1]);
        DictionaryGenerator generator = new DictionaryGenerator();
        List<Element> elements = generator.readElements(standard.resolve("dictionary.tsv"));
        List<Uid> uids = generator.readUids(standard.resolve("uids.tsv"));
        write(main.resolve("java").resolve(PACKAGE_DIR).resolve("Tag.java"), tagSource(elements));
        write(main.resolve("resources").resolve(PACKAGE_DIR).resolve("elements.tsv"), elementsResource(elements));
        write(main.resolve("java").resolve(PACKAGE_DIR).resolve("UID.java"), uidSource(uids));
        write(main.resolve("resources").resolve(PACKAGE_DIR).resolve("uids.tsv"), uidsResource(uids));
        generator.warnings.forEach(w -> System.err.println("warning: " + w));
        System.out.println("Generated " + elements.size() + " elements and " + uids.size() + " UIDs into " + main);
    }

    // ---------------------------------------------------------------- reading

    List<Element> readElements(Path file) throws IOException {
        List<Element> elements = new ArrayList<>();
        Map<Long, Element> byTag = new HashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (lineNumber == 1 || line.isBlank()) {
                continue; // header: tag vr vm keyword name retired
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw fail(file, lineNumber, "expected 6 columns, found " + f.length);
            }
            String tagText = f[0].trim();
            if (!tagText.matches("\\([0-9A-Fa-fx]{4},[0-9A-Fa-fx]{4}\\)")) {
                throw fail(file, lineNumber, "malformed tag " + tagText);
            }
            int value = 0;
            int mask = 0;
            String digits = tagText.substring(1, 5) + tagText.substring(6, 10);
            for (int i = 0; i < 8; i++) {
                char c = digits.charAt(i);
                value <<= 4;
                mask <<= 4;
                if (c != 'x') {
                    value |= Character.digit(c, 16);
                    mask |= 0xF;
                }
            }
            if (mask == 0xFFFFFFFF) {
                mask = 0;
            }
            List<String> vrs = parseVrs(f[1].trim(), file, lineNumber);
            String keyword = f[3].trim();
            Element element = new Element(value, mask, tagText.toUpperCase(Locale.ROOT).replace('X', 'x'), vrs,
                    f[2].trim(), keyword, f[4].trim(), isRetired(f[5]));
            Element previous = byTag.putIfAbsent(((long) mask << 32) | (value & 0xFFFFFFFFL), element);
            if (previous != null) {
                throw fail(file, lineNumber, "duplicate tag " + tagText);
            }
            if (keyword.isEmpty()) {
                warnings.add(tagText + " '" + element.name() + "' has no keyword: no Tag constant");
            }
            elements.add(element);
        }
        for (Element item : ITEM_TAGS) {
            if (byTag.putIfAbsent(item.value() & 0xFFFFFFFFL, item) == null) {
                warnings.add(item.tagText() + " missing from dictionary.tsv: added");
                elements.add(item);
            }
        }
        // Exact tags first in unsigned tag order, then masked ones; the runtime relies on neither but diffs stay small.
        elements.sort(Comparator.comparing(Element::masked)
                .thenComparing(e -> e.value() & 0xFFFFFFFFL)
                .thenComparing(e -> e.mask() & 0xFFFFFFFFL));
        checkKeywords(elements.stream().map(Element::keyword).toList(), file);
        return elements;
    }

    private static List<String> parseVrs(String column, Path file, int line) {
        if (column.equals("NONE")) {
            return List.of(); // PS3.5 7.5: items and delimiters have no VR
        }
        List<String> vrs = List.of(column.split(" or "));
        for (String vr : vrs) {
            if (!VRS.contains(vr)) {
                throw fail(file, line, "unknown VR " + vr + " in '" + column + "'");
            }
        }
        return vrs;
    }

    List<Uid> readUids(Path file) throws IOException {
        List<Uid> uids = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (lineNumber == 1 || line.isBlank()) {
                continue; // header: uid name type info retired keyword
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw fail(file, lineNumber, "expected 6 columns, found " + f.length);
            }
            String uid = f[0].trim();
            // PS3.5 9.1: UID components are digits separated by periods, at most 64 characters.
            if (!uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*") || uid.length() > 64) {
                throw fail(file, lineNumber, "malformed UID " + uid);
            }
            if (!seen.add(uid)) {
                throw fail(file, lineNumber, "duplicate UID " + uid);
            }
            String typeLabel = f[2].trim();
            if (typeLabel.isEmpty()) {
                typeLabel = "Other";
            }
            String keyword = f[5].trim();
            if (keyword.isEmpty()) {
                warnings.add(uid + " '" + f[1].trim() + "' has no keyword: no UID constant");
            }
            uids.add(new Uid(uid, f[1].trim(), typeLabel, enumName(typeLabel), keyword, isRetired(f[4])));
        }
        uids.sort(Comparator.comparing(Uid::uid, DictionaryGenerator::compareUids));
        checkKeywords(uids.stream().map(Uid::keyword).toList(), file);
        return uids;
    }

    /** Component-wise numeric order, so that 1.2.840.10008.1.2.4.50 sorts before 1.2.840.10008.1.20. */
    static int compareUids(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].length() != y[i].length()
                    ? Integer.compare(x[i].length(), y[i].length())
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isRetired(String column) {
        String c = column.trim();
        return c.equalsIgnoreCase("RET") || c.equalsIgnoreCase("Retired");
    }

    /** Keywords become Java constants: they must be unique and legal identifiers, or generation stops. */
    private static void checkKeywords(List<String> keywords, Path file) {
        Set<String> seen = new TreeSet<>();
        for (String keyword : keywords) {
            if (keyword.isEmpty()) {
                continue;
            }
            if (!SourceVersion.isName(keyword)) {
                throw new IllegalStateException(file + ": keyword '" + keyword + "' is not a Java identifier");
            }
            if (!seen.add(keyword)) {
                throw new IllegalStateException(file + ": duplicate keyword " + keyword);
            }
        }
    }

    private static String enumName(String label) {
        StringBuilder sb = new StringBuilder();
        for (char c : label.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        String name = sb.toString();
        return SourceVersion.isName(name) ? name : "_" + name;
    }

    private static IllegalStateException fail(Path file, int line, String message) {
        return new IllegalStateException(file + ":" + line + ": " + message);
    }

    // ---------------------------------------------------------------- writing

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex8(int value) {
        return String.format(Locale.ROOT, "%08X", value);
    }

    /** Names go into javadoc: keep HTML, comment terminators and unicode escapes from meaning anything. */
    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\", "&#92;");
    }

    private static String stringLiteral(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String generatedHeader(String input) {
        return "// Generated by imaging-core/src/build/java/DictionaryGenerator.java from dicom-standard/" + input
                + ".\n// Do not edit: regenerate with " + REGENERATE + "\n";
    }

    static String elementsResource(List<Element> elements) {
        StringBuilder sb = new StringBuilder(256 * 1024);
        sb.append("# Generated by DictionaryGenerator from dicom-standard/dictionary.tsv (PS3.6). Do not edit.\n");
        sb.append("# tag\tmask\tvrs\tvm\tkeyword\tretired\tname\n");
        sb.append("# tag: 8 hex digits, x nibbles as 0; mask: F where the tag is fixed, empty when exact;"
                + " vrs: alternatives joined by '/', empty for none; retired: R or empty\n");
        for (Element e : elements) {
            sb.append(hex8(e.value())).append('\t')
                    .append(e.masked() ? hex8(e.mask()) : "").append('\t')
                    .append(String.join("/", e.vrs())).append('\t')
                    .append(e.vm()).append('\t')
                    .append(e.keyword()).append('\t')
                    .append(e.retired() ? "R" : "").append('\t')
                    .append(e.name()).append('\n');
        }
        return sb.toString();
    }

    static String uidsResource(List<Uid> uids) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("# Generated by DictionaryGenerator from dicom-standard/uids.tsv (PS3.6 Annex A). Do not edit.\n");
        sb.append("# uid\tkeyword\ttype\tretired\tname\n");
        sb.append("# type: a UID.Type constant; retired: R or empty\n");
        for (Uid u : uids) {
            sb.append(u.uid()).append('\t')
                    .append(u.keyword()).append('\t')
                    .append(u.type()).append('\t')
                    .append(u.retired() ? "R" : "").append('\t')
                    .append(u.name()).append('\n');
        }
        return sb.toString();
    }

    static String tagSource(List<Element> elements) {
        StringBuilder sb = new StringBuilder(512 * 1024);
        sb.append(generatedHeader("dictionary.tsv")).append("package ").append(PACKAGE).append(";\n\n");
        sb.append(TAG_HEAD);
        for (Element e : elements) {
            if (e.masked() || e.keyword().isEmpty()) {
                continue; // repeating groups have no single value; the runtime dictionary matches them by mask
            }
            StringBuilder doc = new StringBuilder(e.tagText());
            if (!e.vrs().isEmpty()) {
                doc.append(' ').append(String.join(" or ", e.vrs()));
            }
            doc.append(' ').append(javadoc(e.name()));
            if (e.retired()) {
                doc.append(" retired");
            }
            sb.append("\n    /** ").append(doc).append(" */\n")
                    .append("    public static final int ").append(e.keyword())
                    .append(" = 0x").append(hex8(e.value())).append(";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    static String uidSource(List<Uid> uids) {
        StringBuilder sb = new StringBuilder(128 * 1024);
        sb.append(generatedHeader("uids.tsv")).append("package ").append(PACKAGE).append(";\n\n");
        sb.append(UID_HEAD);
        Map<String, String> types = new java.util.TreeMap<>();
        uids.forEach(u -> types.putIfAbsent(u.type(), u.typeLabel()));
        List<String> constants = new ArrayList<>();
        types.forEach((name, label) -> constants.add(
                "        /** " + javadoc(label) + " */\n        " + name + "(" + stringLiteral(label) + ")"));
        sb.append(String.join(",\n", constants)).append(";\n");
        sb.append(UID_TYPE_TAIL);
        for (Uid u : uids) {
            if (u.keyword().isEmpty()) {
                continue;
            }
            sb.append("\n    /** ").append(javadoc(u.name())).append(" (").append(javadoc(u.typeLabel())).append(')');
            if (u.retired()) {
                sb.append(", retired");
            }
            sb.append(" */\n    public static final String ").append(u.keyword())
                    .append(" = \"").append(u.uid()).append("\";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    // ---------------------------------------------------------------- hand-written parts of the generated classes

    private static final String TAG_HEAD = """
            /**
             * Data Element tags of PS3.6 as {@code int} constants, group in the high 16 bits: {@code 0xGGGGEEEE}.
             *
             * <p>Only elements with a keyword and a single tag appear; repeating groups such as Overlay Data (60xx,3000)
             * are resolved by {@link ElementDictionary}. The helpers classify tags by the rules of PS3.5 7.
             */
            public final class Tag {

                private static final char[] HEX = "0123456789ABCDEF".toCharArray();

                private Tag() {
                }

                /** The group number, the high 16 bits. */
                public static int group(int tag) {
                    return tag >>> 16;
                }

                /** The element number, the low 16 bits. */
                public static int element(int tag) {
                    return tag & 0xFFFF;
                }

                /** The tag as PS3.5 writes it: {@code (0010,0010)}, upper-case hex. */
                public static String toString(int tag) {
                    char[] c = new char[11];
                    c[0] = '(';
                    c[5] = ',';
                    c[10] = ')';
                    for (int i = 0; i < 4; i++) {
                        c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
                        c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
                    }
                    return new String(c);
                }

                /**
                 * PS3.5 7.8.1: private Data Elements have an odd group number other than 0001, 0003, 0005, 0007 and
                 * FFFF, which the standard reserves and which may not be used for private data.
                 */
                public static boolean isPrivate(int tag) {
                    int group = group(tag);
                    return (group & 1) == 1 && group > 0x0007 && group != 0xFFFF;
                }

                /**
                 * PS3.5 7.8.1: elements (gggg,0010-00FF) of a private group reserve a block of 256 elements for one
                 * implementer and hold its Private Creator identification, always VR LO.
                 */
                public static boolean isPrivateCreator(int tag) {
                    int element = element(tag);
                    return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
                }

                /** PS3.5 7.2: element 0000 of any group is its (mostly retired) Group Length, VR UL. */
                public static boolean isGroupLength(int tag) {
                    return element(tag) == 0;
                }
            """;

    private static final String UID_HEAD = """
            /**
             * UIDs registered in PS3.6 Annex A as {@code String} constants, with look-ups by value.
             *
             * <p>The look-ups read the generated resource {@code uids.tsv} once, on first use (see {@link UIDDictionary}).
             */
            public final class UID {

                private UID() {
                }

                /** The registered name, e.g. "Explicit VR Little Endian", or {@code null} for an unregistered UID. */
                public static String nameOf(String uid) {
                    return UIDDictionary.nameOf(uid);
                }

                /** The PS3.6 keyword, e.g. "ExplicitVRLittleEndian", or {@code null} when unregistered or without one. */
                public static String keywordOf(String uid) {
                    return UIDDictionary.keywordOf(uid);
                }

                /** The PS3.6 UID type, or {@code null} for an unregistered UID. */
                public static Type typeOf(String uid) {
                    return UIDDictionary.typeOf(uid);
                }

                /** Whether PS3.6 registers the UID as a Transfer Syntax (retired ones included). */
                public static boolean isTransferSyntax(String uid) {
                    return typeOf(uid) == Type.TRANSFER_SYNTAX;
                }

                /** Whether PS3.6 marks the UID retired; false for an unregistered UID. */
                public static boolean isRetired(String uid) {
                    return UIDDictionary.isRetired(uid);
                }

                /** The UID Type column of PS3.6 Table A-1 and A-2. */
                public enum Type {
            """;

    private static final String UID_TYPE_TAIL = """

                    private final String label;

                    Type(String label) {
                        this.label = label;
                    }

                    /** The wording of PS3.6, e.g. "Transfer Syntax". */
                    public String label() {
                        return label;
                    }
                }
            """;
}
