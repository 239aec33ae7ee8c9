package org.pdistation.imaging.json;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.regex.Pattern;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.ByteUtils;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.BulkDataLoader;
import org.pdistation.imaging.io.DicomFile;

/**
 * Writes datasets in the DICOM JSON Model (PS3.18 F.2), streaming to a {@link Writer} without building a tree.
 *
 * <p>Choices where the model leaves room or where files break the rules:
 * <ul>
 * <li>Empty values get no "Value" key (F.2.5); an empty value among several becomes {@code null}.</li>
 * <li>IS and DS values are JSON numbers when they parse as numbers (F.2.3); a value that does not (a vendor
 *     error) is kept as a string rather than lost.</li>
 * <li>Binary values (OB OD OF OL OV OW UN) are InlineBinary, base64 of the value in little-endian byte order
 *     (F.2.7), so a big-endian file gives the same JSON as its little-endian twin. Encapsulated pixel data is the
 *     item stream as stored: each item's (FFFE,E000) tag and length followed by its bytes, without the sequence
 *     delimiter.</li>
 * <li>A value the reader left in the file is loaded, given as a BulkDataURI ({@link BulkData#uri()}) or omitted,
 *     per {@link BulkMode}. Values read into memory are always inline. A BulkDataURI addresses the bytes as stored,
 *     so in a big-endian file the words are big-endian.</li>
 * <li>With the file meta included, the dataset's elements follow it; a broken file that repeats group 0002 in its
 *     dataset then repeats those keys.</li>
 * </ul>
 */
public final class JsonModelWriter {
    /** What to do with values left in the file by the reader. */
    public enum BulkMode { INLINE, URI, OMIT }

    // RFC 8259 6: a number as JSON spells it.
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    // PS3.5 Table 6.2-1: DS is a fixed or floating point number, IS an optionally signed integer.
    private static final Pattern DS_NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern IS_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final int ITEM_TAG = 0xFFFEE000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final BulkMode bulkMode;

    public JsonModelWriter(BulkMode bulkMode) {
        this.bulkMode = bulkMode;
    }

    /** Writes one dataset as a JSON object. */
    public void write(Dataset ds, Writer out) throws IOException {
        JsonOutput json = new JsonOutput(out);
        writeDataset(json, null, ds);
        out.flush();
    }

    /** Writes a file as one object; with {@code includeMeta} the file meta elements (group 0002) come first. */
    public void write(DicomFile file, boolean includeMeta, Writer out) throws IOException {
        JsonOutput json = new JsonOutput(out);
        writeDataset(json, includeMeta ? file.fileMeta() : null, file.dataset());
        out.flush();
    }

    /** Writes several datasets as a JSON array of objects (the shape of a QIDO-RS or WADO-RS metadata reply). */
    public void writeArray(Iterable<Dataset> datasets, Writer out) throws IOException {
        JsonOutput json = new JsonOutput(out);
        json.beginArray();
        for (Dataset ds : datasets) {
            writeDataset(json, null, ds);
        }
        json.endArray();
        out.flush();
    }

    private void writeDataset(JsonOutput json, Dataset meta, Dataset ds) throws IOException {
        json.beginObject();
        if (meta != null) {
            writeElements(json, meta);
        }
        writeElements(json, ds);
        json.endObject();
    }

    private void writeElements(JsonOutput json, Dataset ds) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            writeElement(json, ds, ds.tagAt(i), ds.vrAt(i), ds.valueAt(i));
        }
    }

    private void writeElement(JsonOutput json, Dataset ds, int tag, VR vr, Object value) throws IOException {
        json.name(hex8(tag));
        json.beginObject();
        // An UN element of undefined length is read as a sequence (PS3.5 6.2.2); its value is items, so say SQ.
        VR shown = value instanceof Sequence ? VR.SQ : vr;
        json.name("vr").value(shown.name());
        if (value instanceof Sequence seq) {
            if (!seq.isEmpty()) {
                json.name("Value").beginArray();
                for (Dataset item : seq) {
                    writeDataset(json, null, item);
                }
                json.endArray();
            }
        } else if (value != null) {
            if (vr.isBulk() || value instanceof Fragments || value instanceof BulkData) {
                writeBinary(json, ds, vr, value);
            } else {
                writeValues(json, ds, tag, vr);
            }
        }
        json.endObject();
    }

    private void writeValues(JsonOutput json, Dataset ds, int tag, VR vr) throws IOException {
        String[] values = ds.getStrings(tag);
        if (values.length == 0 || values.length == 1 && values[0].isEmpty()) {
            return;
        }
        json.name("Value").beginArray();
        for (String v : values) {
            if (v.isEmpty()) {
                json.nullValue();
                continue;
            }
            switch (vr) {
                case PN -> writePersonName(json, v);
                case IS -> writeNumber(json, v, IS_NUMBER);
                case DS -> writeNumber(json, v, DS_NUMBER);
                case US, SS, UL, SL, SV, UV -> json.rawNumber(v);
                case FL, FD -> writeFloat(json, v);
                default -> json.value(v);
            }
        }
        json.endArray();
    }

    /** PS3.18 F.2.2: one object per name with the non-empty component groups. */
    private static void writePersonName(JsonOutput json, String v) throws IOException {
        String[] groups = v.split("=", 3);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        json.beginObject();
        for (int g = 0; g < groups.length; g++) {
            if (!groups[g].isEmpty()) {
                json.name(names[g]).value(groups[g]);
            }
        }
        json.endObject();
    }

    private static void writeNumber(JsonOutput json, String v, Pattern grammar) throws IOException {
        if (JSON_NUMBER.matcher(v).matches()) {
            json.rawNumber(v);
        } else if (grammar.matcher(v).matches()) {
            // "+5", "007", ".5" and "5." are valid DICOM but not JSON; the arbitrary-precision forms keep every digit.
            json.rawNumber(grammar == IS_NUMBER ? new BigInteger(v).toString() : new BigDecimal(v).toString());
        } else {
            json.value(v);
        }
    }

    private static void writeFloat(JsonOutput json, String v) throws IOException {
        // JSON has no NaN or infinities; keep them as strings rather than write invalid JSON.
        if (v.equals("NaN") || v.endsWith("Infinity")) {
            json.value(v);
        } else {
            json.rawNumber(v);
        }
    }

    private void writeBinary(JsonOutput json, Dataset ds, VR vr, Object value) throws IOException {
        int width = ByteUtils.swapWidth(vr);
        if (value instanceof byte[] b) {
            if (b.length == 0) {
                return;
            }
            json.name("InlineBinary");
            json.beginRawString();
            Base64Stream out = new Base64Stream(json.writer());
            out.write(toLittleEndian(b, 0, b.length, width, ds.isBigEndian()), 0, b.length);
            out.finish();
            json.endRawString();
        } else if (value instanceof BulkData bulk) {
            if (bulk.length() == 0 || bulkMode == BulkMode.OMIT) {
                return;
            }
            if (bulkMode == BulkMode.URI) {
                json.name("BulkDataURI").value(bulk.uri());
                return;
            }
            json.name("InlineBinary");
            json.beginRawString();
            Base64Stream out = new Base64Stream(json.writer());
            BulkDataLoader.stream(bulk, (chunk, n) -> out.write(toLittleEndian(chunk, 0, n, width, bulk.bigEndian()), 0, n));
            out.finish();
            json.endRawString();
        } else if (value instanceof Fragments f) {
            writeFragments(json, f);
        } else if (value instanceof String s) {
            // Text set through the API on a binary VR has no defined bytes; show it rather than drop it.
            json.name("Value").beginArray().value(s).endArray();
        }
    }

    private void writeFragments(JsonOutput json, Fragments f) throws IOException {
        if (bulkMode == BulkMode.OMIT && hasBulk(f)) {
            return;
        }
        if (bulkMode == BulkMode.URI && hasBulk(f)) {
            BulkData first = firstBulk(f);
            BulkData last = lastBulk(f);
            if (first != null && last != null && first.file().equals(last.file())) {
                // The fragments lie one after another in the file: one range from the first item header to the
                // end of the last item covers the item stream that InlineBinary would carry.
                long start = first.offset() - 8;
                long end = last.offset() + last.length();
                json.name("BulkDataURI").value(new BulkData(first.file(), start, end - start, false).uri());
                return;
            }
        }
        json.name("InlineBinary");
        json.beginRawString();
        Base64Stream out = new Base64Stream(json.writer());
        byte[] header = new byte[8];
        for (int i = 0; i < f.size(); i++) {
            // PS3.5 A.4: each item is (FFFE,E000) and a 32-bit length, little endian in every encapsulated syntax.
            ByteUtils.putTag(header, 0, ITEM_TAG, false);
            ByteUtils.put32(header, 4, (int) f.length(i), false);
            out.write(header, 0, 8);
            Object item = f.get(i);
            if (item instanceof byte[] b) {
                out.write(b, 0, b.length);
            } else {
                BulkDataLoader.stream((BulkData) item, (chunk, n) -> out.write(chunk, 0, n));
            }
        }
        out.finish();
        json.endRawString();
    }

    private static boolean hasBulk(Fragments f) {
        return f.items().stream().anyMatch(BulkData.class::isInstance);
    }

    private static BulkData firstBulk(Fragments f) {
        for (Object o : f.items()) {
            if (o instanceof BulkData b) {
                return b;
            }
        }
        return null;
    }

    private static BulkData lastBulk(Fragments f) {
        for (int i = f.size() - 1; i >= 0; i--) {
            if (f.get(i) instanceof BulkData b) {
                return b;
            }
        }
        return null;
    }

    /** PS3.18 F.2.1: the key is the tag as eight upper-case hex digits. */
    private static String hex8(int tag) {
        char[] c = new char[8];
        for (int i = 7; i >= 0; i--) {
            c[i] = HEX[tag & 15];
            tag >>>= 4;
        }
        return new String(c);
    }

    private static byte[] toLittleEndian(byte[] b, int off, int len, int width, boolean bigEndian) {
        if (!bigEndian || width <= 1) {
            return b;
        }
        // Swap a copy: the dataset's bytes stay as read.
        byte[] c = java.util.Arrays.copyOfRange(b, off, off + len);
        ByteUtils.swap(c, 0, len, width);
        return c;
    }

    /** Base64 (RFC 4648, no line breaks) onto a Writer, buffering up to two bytes between calls. */
    private static final class Base64Stream {
        private static final Base64.Encoder ENCODER = Base64.getEncoder();
        private final Writer out;
        private final byte[] pending = new byte[3];
        private int pendingLength;

        Base64Stream(Writer out) {
            this.out = out;
        }

        void write(byte[] b, int off, int len) throws IOException {
            while (pendingLength > 0 && len > 0 && pendingLength < 3) {
                pending[pendingLength++] = b[off++];
                len--;
            }
            if (pendingLength == 3) {
                emit(pending, 0, 3);
                pendingLength = 0;
            }
            int whole = len - len % 3;
            for (int p = 0; p < whole; p += BulkDataLoader.CHUNK) {
                emit(b, off + p, Math.min(BulkDataLoader.CHUNK, whole - p));
            }
            for (int p = whole; p < len; p++) {
                pending[pendingLength++] = b[off + p];
            }
        }

        void finish() throws IOException {
            if (pendingLength > 0) {
                emit(pending, 0, pendingLength);
                pendingLength = 0;
            }
        }

        private void emit(byte[] b, int off, int len) throws IOException {
            byte[] enc = ENCODER.encode(java.nio.ByteBuffer.wrap(b, off, len)).array();
            out.write(new String(enc, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
