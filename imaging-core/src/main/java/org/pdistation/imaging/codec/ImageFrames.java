package org.pdistation.imaging.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.ChannelReads;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;

/**
 * The frames of one image instance: how many, and frame N as raw samples in a caller's reusable
 * {@link FrameBuffer}. Native pixel data is read straight from the file (or memory) without holding the whole
 * value; encapsulated frames are located with {@link FrameIndex} and decoded by the {@link CodecRegistry} codec.
 *
 * <p>Errors are per frame ({@link FrameException}): a corrupt frame does not stop the others. Not thread-safe: one
 * instance per reader thread (it keeps a decoder, a scratch array and an open file).
 */
public final class ImageFrames implements AutoCloseable {
    private final String instance;
    private final Dataset dataset;
    private final ImageDescriptor descriptor;
    private final TransferSyntax syntax;
    private final Object pixelData;
    private final CodecRegistry registry;
    private FrameIndex index;
    private FrameDecoder decoder;
    private SeekableByteChannel channel;
    private Path channelFile;
    private byte[] scratch = new byte[0];
    private FrameBuffer tile;

    private ImageFrames(String instance, Dataset dataset, TransferSyntax syntax, CodecRegistry registry) {
        this.instance = instance;
        this.dataset = dataset;
        this.descriptor = ImageDescriptor.of(dataset);
        this.syntax = syntax;
        this.pixelData = dataset.get(Tag.PixelData);
        this.registry = registry;
    }

    /** Opens a file, reading its header and keeping pixel data as a reference into the file. */
    public static ImageFrames open(Path file) throws IOException {
        return of(DicomReader.read(file, ReadOptions.BULK_BY_REFERENCE));
    }

    /** Frames of a file already read (pixel data in memory or by reference). */
    public static ImageFrames of(DicomFile file) {
        return of(file, CodecRegistry.standard());
    }

    public static ImageFrames of(DicomFile file, CodecRegistry registry) {
        String name = file.path() != null ? file.path().toString()
                : file.dataset().getString(Tag.SOPInstanceUID, "(no SOP Instance UID)");
        return new ImageFrames(name, file.dataset(), file.transferSyntax(), registry);
    }

    /** Frames of a bare dataset in the given transfer syntax; {@code instance} names it in errors. */
    public static ImageFrames of(String instance, Dataset dataset, TransferSyntax syntax) {
        return new ImageFrames(instance, dataset, syntax, CodecRegistry.standard());
    }

    public String instance() { return instance; }

    public Dataset dataset() { return dataset; }

    public ImageDescriptor descriptor() { return descriptor; }

    public TransferSyntax transferSyntax() { return syntax; }

    /** Whether the instance has pixel data at all (Float and Double Float Pixel Data are not counted). */
    public boolean hasPixelData() {
        boolean empty = pixelData == null
                || pixelData instanceof byte[] b && b.length == 0
                || pixelData instanceof BulkData bd && bd.length() == 0;
        return !empty && descriptor.rows() > 0 && descriptor.columns() > 0;
    }

    public boolean isEncapsulated() { return pixelData instanceof Fragments; }

    /** Number of Frames, or 0 when there is no pixel data. */
    public int frameCount() {
        return hasPixelData() ? descriptor.frames() : 0;
    }

    /** Problems found locating frames (offset tables that do not fit the fragments); empty for native data. */
    public List<String> warnings() {
        if (!(pixelData instanceof Fragments f)) return List.of();
        try {
            return index(f).warnings();
        } catch (IOException e) {
            return List.of("cannot read fragments: " + e.getMessage());
        }
    }

    /**
     * Takes over the read buffer of {@code previous} (which stays usable: should it read again it allocates a new
     * one), so that a reader moving from file to file, as a scroll through a series of single-frame files does,
     * allocates no new buffer per file: a 512×512×16-bit frame's buffer is a humongous G1 object, and one per slice
     * fills the young generation and brings collection pauses into the frame time.
     */
    public void reuseBuffersOf(ImageFrames previous) {
        if (previous != null && previous != this && previous.scratch.length > scratch.length) {
            scratch = previous.scratch;
            previous.scratch = new byte[0];
        }
    }

    /** Decodes frame {@code n} (0-based) into {@code dst} as stored values ({@link FrameBuffer#normalize}). */
    public Photometric readFrame(int n, FrameBuffer dst) throws FrameException {
        Photometric p = readRawFrame(n, dst);
        dst.normalize(descriptor);
        return p;
    }

    /**
     * Decodes frame {@code n} into {@code dst} as bit patterns, high bits untouched, for lossless transcoding.
     *
     * @return the photometric interpretation of the samples (RGB where a JPEG decoder converted YCbCr)
     */
    public Photometric readRawFrame(int n, FrameBuffer dst) throws FrameException {
        checkFrame(n);
        try {
            if (pixelData instanceof Fragments f) {
                FrameDecoder d = decoder(n);
                int len = loadCompressed(f, n);
                try {
                    return d.decode(scratch, 0, len, descriptor, dst);
                } catch (CodedSizeException e) {
                    if (!e.fitsInside(descriptor)) throw e;
                    return decodeSmaller(d, len, e, dst);
                }
            }
            return readNative(n, dst);
        } catch (CodecException e) {
            throw new FrameException(instance, n, e.getMessage(), e);
        } catch (IOException e) {
            throw new FrameException(instance, n, "cannot read pixel data: " + e.getMessage(), e);
        }
    }

    /** Decodes a frame coded smaller than the image at its own size, then places it at the top left of a blank frame. */
    private Photometric decodeSmaller(FrameDecoder d, int len, CodedSizeException size, FrameBuffer dst)
            throws CodecException {
        if (tile == null) tile = new FrameBuffer();
        ImageDescriptor small = descriptor.withSize(size.codedRows(), size.codedColumns());
        Photometric p = d.decode(scratch, 0, len, small, tile);
        dst.reset(descriptor);
        int spp = descriptor.samplesPerPixel();
        int rowIn = small.columns() * spp;
        int rowOut = descriptor.columns() * spp;
        int n = dst.sampleCount();
        Object out = switch (dst.kind()) {
            case BYTE -> { Arrays.fill(dst.bytes(), 0, n, (byte) 0); yield dst.bytes(); }
            case SHORT -> { Arrays.fill(dst.shorts(), 0, n, (short) 0); yield dst.shorts(); }
            case INT -> { Arrays.fill(dst.ints(), 0, n, 0); yield dst.ints(); }
        };
        Object in = switch (tile.kind()) {
            case BYTE -> tile.bytes();
            case SHORT -> tile.shorts();
            case INT -> tile.ints();
        };
        for (int r = 0; r < small.rows(); r++) System.arraycopy(in, r * rowIn, out, r * rowOut, rowIn);
        return p;
    }

    /** The compressed bytes of frame {@code n}, all its fragments joined (encapsulated syntaxes only). */
    public byte[] compressedFrame(int n) throws FrameException {
        checkFrame(n);
        if (!(pixelData instanceof Fragments f)) {
            throw new FrameException(instance, n, "pixel data is not encapsulated", null);
        }
        try {
            int len = loadCompressed(f, n);
            return Arrays.copyOf(scratch, len);
        } catch (CodecException e) {
            throw new FrameException(instance, n, e.getMessage(), e);
        } catch (IOException e) {
            throw new FrameException(instance, n, "cannot read pixel data: " + e.getMessage(), e);
        }
    }

    private void checkFrame(int n) throws FrameException {
        if (!hasPixelData()) throw new NoPixelDataException(instance, n);
        if (n < 0 || n >= descriptor.frames()) {
            throw new FrameException(instance, n, "no such frame; the instance has " + descriptor.frames(), null);
        }
    }

    private FrameDecoder decoder(int n) throws FrameException {
        if (decoder == null) {
            CodecRegistry.Codec codec = registry.codec(syntax.uid()).orElseThrow(() ->
                    new UnsupportedTransferSyntaxException(instance, n, syntax.uid(), CodecRegistry.nameOf(syntax.uid())));
            decoder = codec.decoder().get();
        }
        return decoder;
    }

    // ----- native -----------------------------------------------------------------------------------------------

    private Photometric readNative(int n, FrameBuffer dst) throws IOException, CodecException {
        ImageDescriptor d = descriptor;
        long bitOffset = d.frameBitOffset(n);
        long start = bitOffset >>> 3;
        int shift = (int) (bitOffset & 7);
        long frameBytes = d.bitsAllocated() == 1 ? (d.samples() + shift + 7) / 8 : d.storedFrameLength();
        if (frameBytes > Integer.MAX_VALUE - 8) throw new CodecException("frame of " + frameBytes + " bytes is too large");
        boolean bigEndian = syntax.bigEndian();
        if (pixelData instanceof byte[] bytes) {
            long available = bytes.length - start;
            if (available < frameBytes || start > Integer.MAX_VALUE) {
                throw new CodecException(tooShort(bytes.length, start, frameBytes));
            }
            return copyNative(bytes, (int) start, shift, available, bigEndian, dst);
        }
        if (pixelData instanceof BulkData bulk) {
            long available = bulk.length() - start;
            if (available < frameBytes) throw new CodecException(tooShort(bulk.length(), start, frameBytes));
            int len = (int) frameBytes;
            readFully(bulk.file(), bulk.offset() + start, len);
            return copyNative(scratch, 0, shift, len, bulk.bigEndian(), dst);
        }
        throw new CodecException("pixel data has no value");
    }

    private Photometric copyNative(byte[] src, int offset, int shift, long available, boolean bigEndian,
                                   FrameBuffer dst) throws CodecException {
        if (descriptor.isSubsampled422()) {
            Ybr422.expand(src, offset, descriptor, dst);
            return Photometric.YBR_FULL;
        }
        NativeFrames.read(src, offset, shift, available, descriptor, bigEndian, dst);
        return descriptor.photometric();
    }

    private static String tooShort(long total, long start, long frameBytes) {
        return "pixel data too short: " + total + " bytes, frame needs bytes " + start + "–" + (start + frameBytes - 1)
                + " (Rows × Columns × Samples × Bits Allocated larger than the data)";
    }

    // ----- encapsulated -----------------------------------------------------------------------------------------

    private FrameIndex index(Fragments f) throws IOException {
        if (index == null) {
            int n = f.size() - 1;
            long[] lengths = new long[Math.max(0, n)];
            for (int i = 0; i < n; i++) lengths[i] = f.length(i + 1);
            long[] bot = f.size() == 0 ? new long[0] : basicOffsets(itemBytes(f, 0, Integer.MAX_VALUE));
            long[] eot = extendedOffsets();
            index = FrameIndex.build(lengths, bot, eot, descriptor.frames(), k -> {
                try {
                    return itemBytes(f, k + 1, 8);
                } catch (IOException e) {
                    return null;
                }
            });
        }
        return index;
    }

    /** PS3.5 A.4: the Basic Offset Table is a list of 32-bit little-endian offsets to each frame's first item. */
    private static long[] basicOffsets(byte[] table) {
        ByteBuffer bb = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[table.length / 4];
        for (int i = 0; i < offsets.length; i++) offsets[i] = bb.getInt() & 0xFFFFFFFFL;
        return offsets;
    }

    /** Extended Offset Table (7FE0,0001), 64-bit little-endian offsets (PS3.3 C.7.6.3.1.8). */
    private long[] extendedOffsets() {
        byte[] b = dataset.getBytes(Tag.ExtendedOffsetTable);
        if (b == null || b.length < 8) return null;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[b.length / 8];
        for (int i = 0; i < offsets.length; i++) offsets[i] = bb.getLong();
        return offsets;
    }

    private int loadCompressed(Fragments f, int n) throws IOException, CodecException {
        FrameIndex idx = index(f);
        if (n >= idx.frames() || idx.fragmentCount(n) == 0) {
            throw new CodecException("no fragment holds this frame (" + (f.size() - 1) + " fragments for "
                    + descriptor.frames() + " frames)");
        }
        long total = 0;
        int first = idx.firstFragment(n) + 1;
        int end = first + idx.fragmentCount(n);
        for (int i = first; i < end; i++) total += f.length(i);
        if (total > Integer.MAX_VALUE - 8) throw new CodecException("compressed frame of " + total + " bytes is too large");
        ensureScratch((int) total);
        int pos = 0;
        for (int i = first; i < end; i++) {
            Object item = f.get(i);
            if (item instanceof byte[] b) {
                System.arraycopy(b, 0, scratch, pos, b.length);
                pos += b.length;
            } else {
                BulkData bd = (BulkData) item;
                readInto(bd.file(), bd.offset(), (int) bd.length(), pos);
                pos += (int) bd.length();
            }
        }
        return pos;
    }

    private byte[] itemBytes(Fragments f, int item, int max) throws IOException {
        Object o = f.get(item);
        if (o instanceof byte[] b) return b.length <= max ? b : Arrays.copyOf(b, max);
        BulkData bd = (BulkData) o;
        int len = (int) Math.min(bd.length(), max);
        if (len > 64 << 20) throw new IOException("offset table of " + bd.length() + " bytes");
        byte[] out = new byte[len];
        ByteBuffer buf = ByteBuffer.wrap(out);
        SeekableByteChannel ch = channel(bd.file());
        long pos = bd.offset();
        while (buf.hasRemaining()) {
            int r = ChannelReads.read(ch, buf, pos);
            if (r < 0) throw new IOException("file ends inside a fragment");
            pos += r;
        }
        return out;
    }

    // ----- file access ------------------------------------------------------------------------------------------

    private void readFully(Path file, long offset, int len) throws IOException {
        ensureScratch(len);
        readInto(file, offset, len, 0);
    }

    private void readInto(Path file, long offset, int len, int at) throws IOException {
        SeekableByteChannel ch = channel(file);
        ByteBuffer buf = ByteBuffer.wrap(scratch, at, len);
        long pos = offset;
        while (buf.hasRemaining()) {
            int r = ChannelReads.read(ch, buf, pos);
            if (r < 0) throw new IOException("file ends at " + pos + " inside pixel data");
            pos += r;
        }
    }

    private void ensureScratch(int len) {
        if (scratch.length < len) scratch = new byte[Math.max(len, scratch.length + scratch.length / 2)];
    }

    private SeekableByteChannel channel(Path file) throws IOException {
        if (channel == null || !file.equals(channelFile)) {
            if (channel != null) channel.close();
            channel = ChannelReads.open(file);
            channelFile = file;
        }
        return channel;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing was written that could be lost
            }
            channel = null;
        }
    }
}
