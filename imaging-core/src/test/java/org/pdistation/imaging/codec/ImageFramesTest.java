package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.TransferSyntax;

class ImageFramesTest {

    private static Dataset image(int rows, int cols, int spp, int bitsAllocated, int bitsStored, int frames) {
        Dataset ds = new Dataset();
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, cols);
        ds.setInt(Tag.SamplesPerPixel, VR.US, spp);
        ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        ds.setInt(Tag.BitsStored, VR.US, bitsStored);
        ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, spp == 1 ? "MONOCHROME2" : "RGB");
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        return ds;
    }

    private static byte[] le16(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putShort((short) v);
        return b.array();
    }

    @Test
    void masksGarbageHighBitsAndSignExtends() throws Exception {
        Dataset ds = image(1, 3, 1, 16, 12, 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        // 0xF000 garbage above bit 11; 0x0800 is -2048 in 12-bit two's complement; 0x07FF is +2047
        ds.setBytes(Tag.PixelData, VR.OW, le16(0xF000 | 0x0001, 0x0800, 0x07FF));
        FrameBuffer b = new FrameBuffer();
        ImageFrames.of("t", ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readFrame(0, b);
        assertArrayEquals(new short[] {1, -2048, 2047}, Arrays.copyOf(b.shorts(), 3));
        assertTrue(b.isSigned());
    }

    @Test
    void honoursHighBitBelowTheTop() throws Exception {
        Dataset ds = image(1, 2, 1, 16, 12, 1);
        ds.setInt(Tag.HighBit, VR.US, 15); // stored bits 4..15 (PS3.5 8.1.1 allows it)
        ds.setBytes(Tag.PixelData, VR.OW, le16(0xABC5, 0x0010));
        FrameBuffer b = new FrameBuffer();
        ImageFrames.of("t", ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readFrame(0, b);
        assertEquals(0xABC, b.sample(0));
        assertEquals(1, b.sample(1));
    }

    @Test
    void readsBigEndianWordsAndPlanarColour() throws Exception {
        Dataset ds = image(1, 2, 1, 16, 16, 1);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {0x12, 0x34, 0x56, 0x78});
        FrameBuffer b = new FrameBuffer();
        ImageFrames.of("t", ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).readFrame(0, b);
        assertEquals(0x1234, b.sample(0));
        assertEquals(0x5678, b.sample(1));

        Dataset rgb = image(1, 2, 3, 8, 8, 1);
        rgb.setInt(Tag.PlanarConfiguration, VR.US, 1);
        rgb.setBytes(Tag.PixelData, VR.OB, new byte[] {1, 2, 10, 20, 100, (byte) 200});
        ImageFrames.of("t", rgb, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readFrame(0, b);
        assertArrayEquals(new byte[] {1, 10, 100, 2, 20, (byte) 200}, Arrays.copyOf(b.bytes(), 6));
    }

    @Test
    void unpacksOneBitFramesThatAreNotByteAligned() throws Exception {
        // 3 frames of 1x3 pixels = 9 bits; PS3.5 8.1.1: frames follow each other bit by bit
        Dataset ds = image(1, 3, 1, 1, 1, 3);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[] {(byte) 0b1_1010_0101, 0b1, 0});
        FrameBuffer b = new FrameBuffer();
        ImageFrames f = ImageFrames.of("t", ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        f.readFrame(0, b);
        assertArrayEquals(new byte[] {1, 0, 1}, Arrays.copyOf(b.bytes(), 3));
        f.readFrame(1, b);
        assertArrayEquals(new byte[] {0, 0, 1}, Arrays.copyOf(b.bytes(), 3));
        f.readFrame(2, b);
        assertArrayEquals(new byte[] {0, 1, 1}, Arrays.copyOf(b.bytes(), 3));
    }

    @Test
    void truncatedNativeDataFailsOnlyTheFramesItCannotHold() throws Exception {
        Dataset ds = image(2, 2, 1, 16, 16, 3);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[8 + 8 + 4]);
        ImageFrames f = ImageFrames.of("cut.dcm", ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        FrameBuffer b = new FrameBuffer();
        f.readFrame(0, b);
        f.readFrame(1, b);
        FrameException e = assertThrows(FrameException.class, () -> f.readFrame(2, b));
        assertTrue(e.getMessage().startsWith("cut.dcm frame 3: pixel data too short"), e.getMessage());
        assertEquals(2, e.frameIndex());
    }

    @Test
    void rowsTimesColumnsLargerThanTheDataIsAFrameError() {
        Dataset ds = image(30000, 30000, 1, 16, 16, 1);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[100]);
        ImageFrames f = ImageFrames.of("big.dcm", ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThrows(FrameException.class, () -> f.readFrame(0, new FrameBuffer()));
    }

    private static Dataset encapsulated(int frames, boolean bot, boolean splitFragments) {
        Dataset ds = image(1, 2, 1, 16, 16, frames);
        Fragments fr = new Fragments(VR.OB);
        ByteBuffer table = ByteBuffer.allocate(4 * frames).order(ByteOrder.LITTLE_ENDIAN);
        java.util.List<byte[]> items = new java.util.ArrayList<>();
        long pos = 0;
        for (int i = 0; i < frames; i++) {
            table.putInt((int) pos);
            byte[] frame = le16(100 * i + 1, 100 * i + 2);
            if (splitFragments) {
                items.add(Arrays.copyOfRange(frame, 0, 2));
                items.add(Arrays.copyOfRange(frame, 2, 4));
                pos += 8 + 2 + 8 + 2;
            } else {
                items.add(frame);
                pos += 8 + 4;
            }
        }
        fr.add(bot ? table.array() : new byte[0]);
        items.forEach(fr::add);
        ds.set(Tag.PixelData, VR.OB, fr);
        return ds;
    }

    @Test
    void locatesFramesSpanningSeveralFragmentsByTheBasicOffsetTable() throws Exception {
        ImageFrames f = ImageFrames.of("t", encapsulated(3, true, true),
                TransferSyntax.of(UID.EncapsulatedUncompressedExplicitVRLittleEndian));
        FrameBuffer b = new FrameBuffer();
        f.readFrame(2, b);
        assertEquals(201, b.sample(0));
        assertEquals(202, b.sample(1));
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
    }

    @Test
    void oneFragmentPerFrameWithoutOffsetTable() throws Exception {
        ImageFrames f = ImageFrames.of("t", encapsulated(3, false, false),
                TransferSyntax.of(UID.EncapsulatedUncompressedExplicitVRLittleEndian));
        FrameBuffer b = new FrameBuffer();
        f.readFrame(1, b);
        assertEquals(101, b.sample(0));
    }

    @Test
    void extendedOffsetTableWinsOverAWrongBasicTable() throws Exception {
        Dataset ds = encapsulated(2, false, true);
        Fragments fr = ds.getFragments(Tag.PixelData);
        ByteBuffer eot = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(20);
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, eot.array());
        ImageFrames f = ImageFrames.of("t", ds, TransferSyntax.of(UID.EncapsulatedUncompressedExplicitVRLittleEndian));
        FrameBuffer b = new FrameBuffer();
        f.readFrame(1, b);
        assertEquals(101, b.sample(0));
        assertEquals(4, fr.size() - 1);
    }

    @Test
    void basicOffsetTableOffTheFragmentStartsIsIgnoredWithAWarning() throws Exception {
        Dataset ds = encapsulated(3, false, false);
        Fragments bad = new Fragments(VR.OB);
        bad.add(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(7).putInt(24).array());
        Fragments old = ds.getFragments(Tag.PixelData);
        for (int i = 1; i < old.size(); i++) bad.add(old.get(i));
        ds.set(Tag.PixelData, VR.OB, bad);
        ImageFrames f = ImageFrames.of("t", ds, TransferSyntax.of(UID.EncapsulatedUncompressedExplicitVRLittleEndian));
        FrameBuffer b = new FrameBuffer();
        f.readFrame(2, b);
        assertEquals(201, b.sample(0));
        assertFalse(f.warnings().isEmpty());
    }

    @Test
    void unsupportedSyntaxIsAPerInstanceResultWithItsName() {
        Dataset ds = encapsulated(1, false, false);
        ImageFrames f = ImageFrames.of("video.dcm", ds, TransferSyntax.of(UID.HEVCMP51));
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                () -> f.readFrame(0, new FrameBuffer()));
        assertTrue(e.getMessage().contains("HEVC"), e.getMessage());
        assertEquals(1, f.frameCount());
    }

    @Test
    void deflatedFramesRoundTrip() throws Exception {
        Dataset ds = image(2, 2, 1, 16, 16, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(ImageDescriptor.of(ds));
        for (int i = 0; i < 4; i++) src.shorts()[i] = (short) (i * 1000 - 1);
        DeflateFrameCodec codec = new DeflateFrameCodec();
        byte[] packed = codec.encode(src, ImageDescriptor.of(ds));
        FrameBuffer out = new FrameBuffer();
        codec.decode(packed, 0, packed.length, ImageDescriptor.of(ds), out);
        assertArrayEquals(Arrays.copyOf(src.shorts(), 4), Arrays.copyOf(out.shorts(), 4));
        assertThrows(CodecException.class, () -> codec.decode(new byte[] {1, 2, 3}, 0, 3, ImageDescriptor.of(ds), out));
    }
}
