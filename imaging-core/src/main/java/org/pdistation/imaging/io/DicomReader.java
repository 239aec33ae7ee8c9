package org.pdistation.imaging.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/**
 * Reads DICOM Part 10 files (PS3.10 7) and bare datasets in any transfer syntax (PS3.5 7, 10, A).
 *
 * <p>Field data is often non-conformant, so the reader tolerates what it can with a {@link ReadProblem} warning
 * (missing preamble or meta, odd lengths, wrong VR in the stream, elements out of order, a transfer syntax that does
 * not match the encoding) and, unless {@link ReadOptions#strict()}, ends early on what it cannot with an error
 * problem and a partial dataset. It never allocates more than the bytes present, never recurses deeper than
 * {@link ReadOptions#maxDepth()}, and never loops without consuming input.
 */
public final class DicomReader {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final Path path;
    private final ReadOptions options;
    private final List<ReadProblem> problems = new ArrayList<>();
    private DicomInput in;
    private boolean explicit;
    private boolean bigEndian;
    private boolean byReference;
    private int currentTag = -1;
    private long pixelDataOffset = -1;

    private DicomReader(Path path, DicomInput in, ReadOptions options) {
        this.path = path;
        this.in = in;
        this.options = options;
        this.byReference = options.mode() != ReadOptions.Mode.IN_MEMORY && in.isFile();
    }

    /** Reads a Part 10 file (or a bare dataset file, with a warning). */
    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        try (SeekableByteChannel ch = ChannelReads.open(file)) {
            return new DicomReader(file, DicomInput.of(ch), options).readPart10(ch);
        }
    }

    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.BULK_BY_REFERENCE);
    }

    /** Reads a Part 10 stream; bulk data cannot be referenced in a stream, so it is read into memory. */
    public static DicomFile read(InputStream stream, ReadOptions options) throws IOException {
        return new DicomReader(null, DicomInput.of(stream, 0), options).readPart10(null);
    }

    /** Reads a bare dataset (no preamble, no meta) in a known syntax, as a network peer sends it (PS3.7). */
    public static Dataset readDataset(InputStream stream, TransferSyntax ts, ReadOptions options) throws IOException {
        DicomReader r = new DicomReader(null, DicomInput.of(stream, 0), options);
        if (ts.deflated()) {
            r.in = DicomInput.of(new InflaterInputStream(stream, new Inflater(true)), 0);
        }
        r.explicit = ts.explicitVR();
        r.bigEndian = ts.bigEndian();
        Dataset ds = new Dataset(ts.bigEndian(), 64);
        r.readBody(ds);
        if (r.hasError()) {
            ReadProblem p = r.firstError();
            throw new DicomParseException(null, p.offset(), p.tag(), p.message());
        }
        return ds;
    }

    // ----- Part 10 ---------------------------------------------------------------------------------------------

    private DicomFile readPart10(SeekableByteChannel channel) throws IOException {
        boolean preamble = readPreamble();
        Dataset meta = new Dataset(false, 12);
        TransferSyntax ts = null;
        if (peekGroupLE() == 0x0002) {
            readMeta(meta);
            String uid = meta.getString(Tag.TransferSyntaxUID);
            if (uid == null || uid.isEmpty()) {
                warn("file meta has no Transfer Syntax UID (0002,0010); guessing from the data");
            } else {
                ts = TransferSyntax.of(uid);
            }
        } else if (preamble) {
            warn("no file meta information after the preamble; guessing the transfer syntax");
        }
        long datasetStart = in.position();
        if (ts != null && ts.deflated()) {
            inflateRest(channel, datasetStart);
        }
        TransferSyntax actual;
        try {
            actual = checkEncoding(ts, preamble || !meta.isEmpty());
        } catch (EOFException | java.util.zip.ZipException e) {
            // Only a deflated body can fail here: the inflater reads ahead to give the first element's header.
            fail(new DicomParseException(path, datasetStart, -1, "corrupt or truncated deflated data: " + e.getMessage(), e));
            return new DicomFile(path, meta, new Dataset(false, 0), ts, preamble, pixelDataOffset, false, problems);
        }
        explicit = actual.explicitVR();
        bigEndian = actual.bigEndian();
        Dataset ds = new Dataset(bigEndian, 64);
        readBody(ds);
        return new DicomFile(path, meta, ds, actual, preamble, pixelDataOffset, !hasError(), problems);
    }

    private boolean readPreamble() throws IOException {
        int n = in.request(132);
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        if (n >= 132 && isDicm(b, p + 128)) {
            in.advance(132);
            return true;
        }
        if (n >= 4 && isDicm(b, p)) {
            warn("\"DICM\" prefix without the 128-byte preamble");
            in.advance(4);
            return false;
        }
        return false;
    }

    private static boolean isDicm(byte[] b, int p) {
        return b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M';
    }

    private int peekGroupLE() throws IOException {
        if (in.request(2) < 2) {
            return -1;
        }
        return (in.buffer()[in.bufferPosition()] & 0xFF) | (in.buffer()[in.bufferPosition() + 1] & 0xFF) << 8;
    }

    /** PS3.10 7.1: the meta group is always Explicit VR Little Endian; some writers still use implicit VR. */
    private void readMeta(Dataset meta) throws IOException {
        explicit = true;
        bigEndian = false;
        try {
            while (peekGroupLE() == 0x0002) {
                long pos = in.position();
                if (in.request(8) < 8) {
                    throw new EOFException("file meta truncated");
                }
                byte[] b = in.buffer();
                int p = in.bufferPosition();
                explicit = VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF)) != null;
                if (!explicit && meta.isEmpty()) {
                    warn(pos, -1, "file meta information is not Explicit VR Little Endian");
                }
                readElement(meta, pos, 0, true);
            }
        } catch (EOFException e) {
            throw new DicomParseException(path, in.position(), currentTag, "file meta information truncated", e);
        } catch (DicomInput.ValueTooLargeException e) {
            throw new DicomParseException(path, e.offset, currentTag, e.getMessage(), e);
        }
        explicit = true;
    }

    private void inflateRest(SeekableByteChannel channel, long start) throws IOException {
        InputStream raw;
        if (channel != null) {
            raw = Channels.newInputStream(channel.position(start));
        } else {
            raw = new InputStreamAdapter(in);
        }
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        // PS3.5 A.5 requires raw deflate (RFC 1951); some writers add a zlib header (RFC 1950). Accept both.
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        if (zlib) {
            warn(start, -1, "deflated data has a zlib header (PS3.5 A.5 requires raw deflate)");
        }
        in = DicomInput.of(new InflaterInputStream(buffered, new Inflater(!zlib), 1 << 16), start);
        byReference = false;
    }

    /**
     * Compares the first element's header with the declared syntax. A file whose meta says explicit but whose data
     * is implicit (or the reverse) is common; read what is there, and say so.
     */
    private TransferSyntax checkEncoding(TransferSyntax declared, boolean looksLikeDicom) throws IOException {
        int n = in.request(8);
        if (n < 8) {
            if (declared != null) {
                return declared;
            }
            if (n == 0 && looksLikeDicom) {
                return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            }
            throw new DicomParseException(path, in.position(), -1, "not a DICOM file (too short)");
        }
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        boolean vrPresent = VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF)) != null;
        int groupLE = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        int groupBE = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
        if (declared != null) {
            if (declared.explicitVR() && !vrPresent && !looksLikeItem(groupLE, groupBE)) {
                warn("transfer syntax " + declared.uid() + " says explicit VR, but the data is implicit VR; reading implicit");
                return new TransferSyntax(declared.uid(), false, false, false, declared.encapsulated());
            }
            if (!declared.explicitVR() && vrPresent && plausibleExplicitLength(b, p)) {
                warn("transfer syntax says implicit VR, but the data is explicit VR; reading explicit");
                return new TransferSyntax(declared.uid(), true, declared.bigEndian(), false, declared.encapsulated());
            }
            return declared;
        }
        // No meta: guess (PS3.10 does not allow this, but ACR-NEMA style files and some exports do it).
        if (vrPresent && groupLE <= 0x00FF && groupLE >= 0x0002) {
            warn("no file meta; reading as Explicit VR Little Endian");
            return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        if (vrPresent && groupBE <= 0x00FF && groupBE >= 0x0002) {
            warn("no file meta; reading as Explicit VR Big Endian");
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        long len = (b[p + 4] & 0xFFL) | (b[p + 5] & 0xFFL) << 8 | (b[p + 6] & 0xFFL) << 16 | (b[p + 7] & 0xFFL) << 24;
        if (groupLE >= 0x0002 && groupLE <= 0x00FF && len <= in.remaining()) {
            warn("no file meta; reading as Implicit VR Little Endian");
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        throw new DicomParseException(path, in.position(), -1, "not a DICOM file (no \"DICM\" and no plausible first element)");
    }

    private static boolean looksLikeItem(int groupLE, int groupBE) {
        return groupLE == 0xFFFE || groupBE == 0xFFFE;
    }

    private boolean plausibleExplicitLength(byte[] b, int p) {
        VR vr = VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF));
        return vr != null && !vr.hasLongHeader() && ((b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8) <= in.remaining();
    }

    // ----- dataset body ------------------------------------------------------------------------------------------

    /** Reads the top-level dataset to the end of the stream, turning structural failures into problems. */
    private void readBody(Dataset ds) throws IOException {
        try {
            readItems(ds, Long.MAX_VALUE, 0, true);
        } catch (EOFException e) {
            fail(new DicomParseException(path, in.position(), currentTag, "truncated: " + e.getMessage(), e));
        } catch (DicomParseException e) {
            fail(e);
        } catch (DicomInput.ValueTooLargeException e) {
            fail(new DicomParseException(path, e.offset, currentTag, e.getMessage(), e));
        } catch (java.util.zip.ZipException e) {
            fail(new DicomParseException(path, in.position(), currentTag, "corrupt deflated data: " + e.getMessage(), e));
        }
    }

    private void fail(DicomParseException e) throws DicomParseException {
        if (options.strict()) {
            throw e;
        }
        problems.add(ReadProblem.error(e.offset(), e.tag(), e.reason()));
    }

    /**
     * Reads elements into {@code ds} until {@code end} (an absolute position), an item delimiter (when end is -1),
     * or the end of the stream (top level). Returns true when a sequence delimiter ended an item that lacked its
     * own delimiter.
     */
    private boolean readItems(Dataset ds, long end, int depth, boolean topLevel) throws IOException {
        int previous = -1;
        boolean first = true;
        while (true) {
            long pos = in.position();
            if (end >= 0 && pos >= end) {
                if (pos > end && end != Long.MAX_VALUE) {
                    throw new DicomParseException(path, pos, currentTag, "element runs past the end of its item (item ends at " + end + ")");
                }
                return false;
            }
            int n = in.request(8);
            if (n == 0 && topLevel) {
                return false;
            }
            if (n < 8) {
                throw new EOFException(n + " bytes left where an element header of 8 was expected");
            }
            int tag = peekTag();
            if (tag == Tag.ItemDelimitationItem) {
                in.advance(8);
                if (end == -1) {
                    return false;
                }
                warn(pos, tag, "item delimiter outside an undefined-length item; ignored");
                continue;
            }
            if (tag == Tag.SequenceDelimitationItem) {
                in.advance(8);
                if (end == -1 && !topLevel) {
                    warn(pos, tag, "item lacks its delimiter before the sequence delimiter");
                    return true;
                }
                warn(pos, tag, "sequence delimiter outside a sequence; ignored");
                continue;
            }
            if (tag == Tag.Item) {
                throw new DicomParseException(path, pos, tag, "item tag where an element was expected");
            }
            if (topLevel && Integer.compareUnsigned(tag, 0x7FE00000) >= 0
                    && options.mode() == ReadOptions.Mode.HEADER_ONLY) {
                pixelDataOffset = pos;
                return false;
            }
            if (topLevel && tag == 0 && pos > 132) {
                // Trailing zero padding after the dataset: seen on media written in fixed-size blocks.
                warn(pos, tag, "zero bytes where an element was expected; treating them as padding");
                in.skip(in.remaining() == Long.MAX_VALUE ? 0 : in.remaining());
                return false;
            }
            if (!first && Integer.compareUnsigned(tag, previous) <= 0) {
                warn(pos, tag, tag == previous ? "duplicate element; the later one is kept"
                        : "element out of order after " + Tag.toString(previous));
            }
            first = false;
            previous = tag;
            readElement(ds, pos, depth, false);
        }
    }

    private int peekTag() {
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        int g = bigEndian ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        int e = bigEndian ? (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF) : (b[p + 2] & 0xFF) | (b[p + 3] & 0xFF) << 8;
        return g << 16 | e;
    }

    /** Reads one element header and value; the header's 8 bytes are buffered. */
    private void readElement(Dataset ds, long pos, int depth, boolean meta) throws IOException {
        int tag = peekTag();
        currentTag = tag;
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        VR vr;
        long length;
        boolean streamExplicit = explicit;
        if (explicit) {
            int code = (b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF);
            vr = VR.ofCode(code);
            if (vr == null && isUpper(b[p + 4]) && isUpper(b[p + 5])) {
                // PS3.5 6.2: an unknown VR is read as UN with the long header form.
                warn(pos, tag, "unknown VR \"" + (char) b[p + 4] + (char) b[p + 5] + "\", read as UN");
                vr = VR.UN;
                in.advance(8);
                length = in.s32(bigEndian) & 0xFFFFFFFFL;
            } else if (vr == null) {
                warn(pos, tag, "no VR in an explicit VR stream; this element read as implicit VR");
                vr = ImplicitVR.of(tag, ds);
                in.advance(4);
                length = in.s32(bigEndian) & 0xFFFFFFFFL;
                streamExplicit = false;
            } else if (vr.hasLongHeader()) {
                in.advance(8);
                length = in.s32(bigEndian) & 0xFFFFFFFFL;
            } else {
                in.advance(6);
                length = in.u16(bigEndian);
            }
        } else {
            in.advance(4);
            length = in.s32(bigEndian) & 0xFFFFFFFFL;
            vr = ImplicitVR.of(tag, ds);
        }
        readValue(ds, tag, vr, length, pos, depth, streamExplicit, meta);
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    private void readValue(Dataset ds, int tag, VR vr, long length, long pos, int depth, boolean streamExplicit,
                           boolean meta) throws IOException {
        boolean undefined = length == UNDEFINED;
        if (vr == VR.SQ || (undefined && tag != Tag.PixelData && (vr == VR.UN || !streamExplicit))) {
            readSequence(ds, tag, vr, undefined ? -1 : length, pos, depth, streamExplicit);
            return;
        }
        if (undefined) {
            if (vr == VR.OB || vr == VR.OW || vr == VR.UN || tag == Tag.PixelData) {
                readFragments(ds, tag, vr == VR.UN ? VR.OB : vr, pos);
                return;
            }
            throw new DicomParseException(path, pos, tag, "undefined length on VR " + vr);
        }
        if (length > in.remaining()) {
            if (tag == Tag.PixelData && depth == 0 && !meta) {
                keepTruncatedPixelData(ds, vr, in.remaining(), byReference);
            }
            throw new DicomParseException(path, pos, tag, "value length " + length + " runs past the end of the file ("
                    + (in.remaining()) + " bytes left)");
        }
        if ((length & 1) != 0) {
            warn(pos, tag, "odd value length " + length + " (PS3.5 7.1.1 requires even)");
        }
        long valuePos = in.position();
        if (!meta && byReference && (tag == Tag.PixelData && depth == 0 || vr.isBulk() && length >= options.bulkDataThreshold())) {
            ds.set(tag, vr, new BulkData(path, valuePos, length, bigEndian));
            in.skip(length);
            return;
        }
        ds.set(tag, vr, length == 0 ? null : in.readBytes(length));
    }

    private void readSequence(Dataset ds, int tag, VR vr, long length, long pos, int depth, boolean streamExplicit)
            throws IOException {
        if (depth + 1 > options.maxDepth()) {
            throw new DicomParseException(path, pos, tag, "sequences nested deeper than " + options.maxDepth());
        }
        boolean savedExplicit = explicit;
        boolean savedBigEndian = bigEndian;
        if (vr == VR.UN) {
            // PS3.5 6.2.2 Note: an UN element of undefined length holds a sequence encoded in Implicit VR LE.
            explicit = false;
            bigEndian = false;
        } else {
            explicit = streamExplicit;
        }
        Sequence seq = ds.newSequence(tag, 4);
        long end = length < 0 ? -1 : in.position() + clampToFile(length, pos, tag, "sequence");
        try {
            while (true) {
                long itemPos = in.position();
                if (end >= 0 && itemPos >= end) {
                    if (itemPos > end) {
                        throw new DicomParseException(path, itemPos, tag, "items run past the sequence's length");
                    }
                    break;
                }
                if (in.request(8) < 8) {
                    throw new EOFException("sequence " + Tag.toString(tag) + " not terminated");
                }
                int itemTag = peekTag();
                in.advance(4);
                long itemLength = in.s32(bigEndian) & 0xFFFFFFFFL;
                if (itemTag == Tag.SequenceDelimitationItem) {
                    if (end >= 0) {
                        warn(itemPos, tag, "sequence delimiter in a sequence of defined length");
                    }
                    break;
                }
                if (itemTag == Tag.ItemDelimitationItem) {
                    warn(itemPos, tag, "stray item delimiter in a sequence");
                    continue;
                }
                if (itemTag != Tag.Item) {
                    throw new DicomParseException(path, itemPos, tag, "expected an item tag (FFFE,E000) in the sequence, found "
                            + Tag.toString(itemTag));
                }
                Dataset item = new Dataset(bigEndian, 8);
                item.setStreamPosition(itemPos);
                seq.add(item);
                boolean sequenceEnded;
                if (itemLength == UNDEFINED) {
                    sequenceEnded = readItems(item, -1, depth + 1, false);
                } else {
                    long clamped = clampToFile(itemLength, itemPos, tag, "item");
                    sequenceEnded = readItems(item, in.position() + clamped, depth + 1, false);
                }
                currentTag = tag;
                if (sequenceEnded) {
                    break;
                }
            }
        } finally {
            explicit = savedExplicit;
            bigEndian = savedBigEndian;
        }
        if (vr == VR.UN) {
            ds.set(tag, VR.SQ, seq);
        }
    }

    /**
     * A sequence or item whose length runs past the end of the file is read to the end of the file: editing tools
     * that remove elements without fixing enclosing lengths leave such files, and DCMTK and pydicom read them.
     */
    private long clampToFile(long length, long pos, int tag, String what) {
        long left = in.remaining();
        if (length <= left) {
            return length;
        }
        warn(pos, tag, what + " length " + length + " runs past the end of the file (" + left + " bytes left); read to the end");
        return left;
    }

    /**
     * Keeps what there is of truncated native pixel data, so that the frames that are complete can still be shown;
     * frame access reports the others as too short.
     */
    private void keepTruncatedPixelData(Dataset ds, VR vr, long available, boolean byReference) throws IOException {
        long valuePos = in.position();
        if (byReference) {
            ds.set(Tag.PixelData, vr, new BulkData(path, valuePos, available, bigEndian));
        } else if (available <= Integer.MAX_VALUE - 8) {
            ds.set(Tag.PixelData, vr, in.readBytes(available));
        }
    }

    private void readFragments(Dataset ds, int tag, VR vr, long pos) throws IOException {
        Fragments fragments = new Fragments(vr);
        // Set before reading the items: when they are cut short, the complete fragments still serve their frames.
        ds.set(tag, vr, fragments);
        while (true) {
            long itemPos = in.position();
            if (in.request(8) < 8) {
                throw new EOFException("encapsulated pixel data not terminated by a sequence delimiter");
            }
            int itemTag = peekTag();
            in.advance(4);
            long len = in.s32(bigEndian) & 0xFFFFFFFFL;
            if (itemTag == Tag.SequenceDelimitationItem) {
                break;
            }
            if (itemTag != Tag.Item || len == UNDEFINED) {
                throw new DicomParseException(path, itemPos, tag, "expected a fragment item (PS3.5 A.4), found "
                        + Tag.toString(itemTag) + (len == UNDEFINED ? " of undefined length" : ""));
            }
            if (len > in.remaining()) {
                throw new DicomParseException(path, itemPos, tag, "fragment length " + len + " runs past the end of the file ("
                        + in.remaining() + " bytes left)");
            }
            if (byReference) {
                fragments.add(new BulkData(path, in.position(), len, false));
                in.skip(len);
            } else {
                fragments.add(in.readBytes(len));
            }
        }
    }

    // ----- problems ---------------------------------------------------------------------------------------------

    private void warn(String message) {
        warn(in.position(), -1, message);
    }

    private void warn(long offset, int tag, String message) {
        problems.add(ReadProblem.warning(offset, tag, message));
    }

    private boolean hasError() {
        return firstError() != null;
    }

    private ReadProblem firstError() {
        for (ReadProblem p : problems) {
            if (p.severity() == ReadProblem.Severity.ERROR) {
                return p;
            }
        }
        return null;
    }

    /** Lets a stream-backed input be re-read by an inflater. */
    private static final class InputStreamAdapter extends InputStream {
        private final DicomInput source;

        InputStreamAdapter(DicomInput source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            if (source.request(1) < 1) {
                return -1;
            }
            int v = source.buffer()[source.bufferPosition()] & 0xFF;
            source.advance(1);
            return v;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = source.request(Math.min(len, 8192));
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(source.buffer(), source.bufferPosition(), b, off, n);
            source.advance(n);
            return n;
        }
    }
}
