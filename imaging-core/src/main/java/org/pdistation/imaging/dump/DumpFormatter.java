package org.pdistation.imaging.dump;

import java.io.IOException;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.ElementDictionary;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.ReadProblem;

/**
 * A human-readable listing of a file, one element per line, in the spirit of dcmdump:
 * <pre>
 * (0010,0010) PN [Doe^John]                               # 8, 1 PatientName
 * </pre>
 * Items are indented two spaces per level, long values are cut with "...", values left in the file are shown as
 * {@code <bulk data N bytes at offset O>}, encapsulated fragments one per line. File meta first, then the dataset,
 * then the reader's problems as {@code warning: offset N, tag (gggg,eeee): message}.
 *
 * <p>It prints values, patient names included: it is for a user looking at their own file, never for logs.
 */
public final class DumpFormatter {
    /** Values longer than this many characters are cut. */
    public static final int DEFAULT_MAX_VALUE_CHARS = 64;
    private static final int COMMENT_COLUMN = 56;
    private static final int MAX_HEX_BYTES = 16;

    private final int maxValueChars;

    public DumpFormatter() {
        this(DEFAULT_MAX_VALUE_CHARS);
    }

    public DumpFormatter(int maxValueChars) {
        if (maxValueChars < 4) {
            throw new IllegalArgumentException("maxValueChars must be at least 4");
        }
        this.maxValueChars = maxValueChars;
    }

    /** Lists a whole file: a header, the file meta, the dataset and the problems. */
    public void format(DicomFile file, Appendable out) throws IOException {
        if (file.path() != null) {
            out.append("# file: ").append(file.path().toString()).append('\n');
        }
        String ts = file.transferSyntax().uid();
        String tsName = UID.nameOf(ts);
        out.append("# transfer syntax: ").append(ts);
        if (tsName != null) {
            out.append(" (").append(tsName).append(')');
        }
        out.append('\n');
        if (!file.fileMeta().isEmpty()) {
            out.append("# file meta information\n");
            format(file.fileMeta(), out);
        }
        out.append("# dataset\n");
        format(file.dataset(), out);
        if (!file.complete()) {
            out.append("# incomplete: reading stopped early\n");
        }
        for (ReadProblem p : file.problems()) {
            out.append(p.describe(null)).append('\n');
        }
    }

    /** Lists the elements of a dataset and its items. */
    public void format(Dataset ds, Appendable out) throws IOException {
        format(ds, 0, out);
    }

    private void format(Dataset ds, int depth, Appendable out) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            if (value instanceof Sequence seq) {
                line(out, depth, tag, VR.SQ, "(" + seq.size() + (seq.size() == 1 ? " item)" : " items)"),
                        null, name(ds, tag));
                for (int k = 0; k < seq.size(); k++) {
                    Dataset item = seq.get(k);
                    String where = item.streamPosition() >= 0 ? " at offset " + item.streamPosition() : "";
                    indent(out, depth + 1).append("(FFFE,E000) item ").append(Integer.toString(k + 1))
                            .append(where).append('\n');
                    format(item, depth + 2, out);
                }
            } else if (value instanceof Fragments f) {
                line(out, depth, tag, vr, "(encapsulated, " + f.size() + (f.size() == 1 ? " item)" : " items)"),
                        null, name(ds, tag));
                for (int k = 0; k < f.size(); k++) {
                    Object item = f.get(k);
                    String what = k == 0 ? "basic offset table" : "fragment " + k;
                    indent(out, depth + 1).append("(FFFE,E000) ").append(what).append(": ")
                            .append(describeBinary(item, f.length(k))).append('\n');
                }
            } else if (value instanceof BulkData b) {
                line(out, depth, tag, vr, describeBinary(b, b.length()), null, name(ds, tag));
            } else {
                String[] values = vr.isBulk() ? null : ds.getStrings(tag);
                byte[] raw = ds.getBytes(tag);
                long length = raw == null ? 0 : raw.length;
                String shown;
                int vm;
                if (value == null) {
                    shown = "(no value)";
                    vm = 0;
                } else if (values == null) {
                    shown = hex(raw);
                    vm = 1;
                } else {
                    shown = "[" + cut(String.join("\\", values)) + "]";
                    vm = values.length;
                }
                line(out, depth, tag, vr, shown, length + ", " + vm, name(ds, tag));
            }
        }
    }

    private static String describeBinary(Object value, long length) {
        if (value instanceof BulkData b) {
            return "<bulk data " + b.length() + " bytes at offset " + b.offset() + ">";
        }
        return hex((byte[]) value) + " (" + length + " bytes)";
    }

    private static String hex(byte[] b) {
        if (b == null || b.length == 0) {
            return "(no value)";
        }
        StringBuilder sb = new StringBuilder();
        int n = Math.min(b.length, MAX_HEX_BYTES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(Character.forDigit(b[i] >> 4 & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
        }
        if (b.length > n) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** Shortens and makes one line of a value: control characters become visible escapes. */
    private String cut(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), maxValueChars + 8));
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= maxValueChars) {
                sb.setLength(maxValueChars - 3);
                return sb.append("...").toString();
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String name(Dataset ds, int tag) {
        if (Tag.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tag.isPrivate(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return creator == null ? "(private, no creator)" : "(private, " + creator + ")";
        }
        if (Tag.isGroupLength(tag)) {
            String k = ElementDictionary.keywordOf(tag);
            return k != null ? k : "GroupLength";
        }
        String k = ElementDictionary.keywordOf(tag);
        return k != null ? k : "(unknown)";
    }

    private static Appendable indent(Appendable out, int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return out;
    }

    private static void line(Appendable out, int depth, int tag, VR vr, String shown, String lengthAndVm,
                             String name) throws IOException {
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
        sb.append(Tag.toString(tag)).append(' ').append(vr.name()).append(' ').append(shown);
        sb.append(' ');
        while (sb.length() < COMMENT_COLUMN + 2 * depth) {
            sb.append(' ');
        }
        sb.append("# ");
        if (lengthAndVm != null) {
            sb.append(lengthAndVm).append(' ');
        }
        sb.append(name).append('\n');
        out.append(sb);
    }
}
