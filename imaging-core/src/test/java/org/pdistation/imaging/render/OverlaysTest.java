package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.testing.SharedData;

class OverlaysTest {
    private static Dataset image(int rows, int cols, int bitsAllocated, int bitsStored) {
        Dataset ds = new Dataset();
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, cols);
        ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        ds.setInt(Tag.BitsStored, VR.US, bitsStored);
        ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
        return ds;
    }

    private static byte[] packBits(boolean[] bits) {
        byte[] b = new byte[(bits.length + 15) / 16 * 2];
        for (int i = 0; i < bits.length; i++) if (bits[i]) b[i >> 3] |= (byte) (1 << (i & 7));
        return b;
    }

    @Test
    void overlayDataIsReadBitByBitFromTheLowBitOfEachWord() throws IOException {
        Dataset ds = image(4, 4, 16, 12);
        ds.setInt(0x60020010, VR.US, 2);   // Overlay Rows
        ds.setInt(0x60020011, VR.US, 3);   // Overlay Columns
        ds.setInt(0x60020050, VR.SS, 2, 2); // Origin row 2, column 2 (1-based)
        ds.setString(0x60020040, VR.CS, "R");
        ds.setString(0x60021500, VR.LO, "ROI");
        ds.setInt(0x60020100, VR.US, 1);
        ds.setInt(0x60020102, VR.US, 0);
        // plane: row 0 = 1 0 1, row 1 = 0 1 1
        ds.setBytes(0x60023000, VR.OW, packBits(new boolean[] {true, false, true, false, true, true}));
        List<Overlay> o = Overlays.forFrame(ds, ImageDescriptor.of(ds), 0, null);
        assertEquals(1, o.size());
        Overlay ov = o.get(0);
        assertEquals(0x6002, ov.group());
        assertEquals(1, ov.originRow());
        assertEquals(1, ov.originColumn());
        assertEquals(2, ov.rows());
        assertEquals(3, ov.columns());
        assertEquals("R", ov.type());
        assertEquals("ROI", ov.label());
        assertFalse(ov.embedded());
        assertTrue(ov.isSet(0, 0));
        assertFalse(ov.isSet(0, 1));
        assertTrue(ov.isSet(1, 2));
        assertEquals(4, ov.count());
    }

    @Test
    void originsOutsideTheImageAreClipped() throws IOException {
        Dataset ds = image(4, 4, 8, 8);
        ds.setInt(0x60000010, VR.US, 3);
        ds.setInt(0x60000011, VR.US, 3);
        ds.setInt(0x60000050, VR.SS, 0, 3); // row 0 (one above the image), column 3
        ds.setBytes(0x60003000, VR.OW, packBits(new boolean[] {true, true, true, false, true, false, true, false, true}));
        ds.setInt(0x60100010, VR.US, 2);     // a second plane wholly outside
        ds.setInt(0x60100011, VR.US, 2);
        ds.setInt(0x60100050, VR.SS, 100, 100);
        ds.setBytes(0x60103000, VR.OW, new byte[2]);
        List<Overlay> o = Overlays.forFrame(ds, ImageDescriptor.of(ds), 0, null);
        Overlay a = o.get(0);
        // visible part: overlay rows 1–2, columns 0–1 at image (0, 2)
        assertEquals(0, a.originRow());
        assertEquals(2, a.originColumn());
        assertEquals(2, a.rows());
        assertEquals(2, a.columns());
        assertEquals(0, a.mask()[0]);   // overlay (1,0)
        assertEquals(1, a.mask()[1]);   // overlay (1,1)
        assertEquals(1, a.mask()[2]);   // overlay (2,0)
        assertEquals(0, a.mask()[3]);   // overlay (2,1)
        assertEquals(0, o.get(1).rows() * o.get(1).columns());
    }

    @Test
    void embeddedOverlaysComeFromTheHighBitsOfTheRawFrame() throws Exception {
        Dataset ds = image(2, 2, 16, 12);
        ds.setInt(0x60000010, VR.US, 2);
        ds.setInt(0x60000011, VR.US, 2);
        ds.setInt(0x60000050, VR.SS, 1, 1);
        ds.setInt(0x60000100, VR.US, 16);
        ds.setInt(0x60000102, VR.US, 15);
        ImageDescriptor d = ImageDescriptor.of(ds);
        FrameBuffer raw = new FrameBuffer();
        raw.reset(d);
        raw.shorts()[0] = (short) 0x8123;
        raw.shorts()[1] = 0x0FFF;
        raw.shorts()[2] = (short) 0x8000;
        raw.shorts()[3] = 0x4000; // bit 14: not the overlay's bit
        Overlay ov = Overlays.forFrame(ds, d, 0, raw).get(0);
        assertTrue(ov.embedded());
        assertEquals(List.of(1, 0, 1, 0), List.of((int) ov.mask()[0], (int) ov.mask()[1], (int) ov.mask()[2],
                (int) ov.mask()[3]));
    }

    @Test
    void multiFrameOverlaysCoverTheirFramesOnly() throws IOException {
        Dataset ds = image(1, 2, 8, 8);
        ds.setString(Tag.NumberOfFrames, VR.IS, "4");
        ds.setInt(0x60000010, VR.US, 1);
        ds.setInt(0x60000011, VR.US, 2);
        ds.setString(0x60000015, VR.IS, "2"); // Number of Frames in Overlay
        ds.setInt(0x60000051, VR.US, 2);      // Image Frame Origin: frames 2 and 3
        ds.setBytes(0x60003000, VR.OW, packBits(new boolean[] {true, false, false, true}));
        ImageDescriptor d = ImageDescriptor.of(ds);
        assertTrue(Overlays.forFrame(ds, d, 0, null).isEmpty());
        assertEquals(1, Overlays.forFrame(ds, d, 1, null).get(0).mask()[0]);
        assertEquals(1, Overlays.forFrame(ds, d, 2, null).get(0).mask()[1]);
        assertTrue(Overlays.forFrame(ds, d, 3, null).isEmpty());
    }

    @Test
    void realOverlayFilesGiveAMaskWithinTheImage() throws Exception {
        for (String name : new String[] {"single/weasis/overlay.dcm",
                "single/pydicom-data/MR-SIEMENS-DICOM-WithOverlays.dcm", "broken/fo-dicom/GH1728.dcm"}) {
            Path file = SharedData.requireDicomFile(name);
            try (ImageFrames frames = ImageFrames.open(file)) {
                FrameBuffer raw = new FrameBuffer();
                frames.readRawFrame(0, raw);
                List<Overlay> o = Overlays.forFrame(frames.dataset(), frames.descriptor(), 0, raw);
                assertFalse(o.isEmpty(), name);
                for (Overlay ov : o) {
                    assertTrue(ov.originRow() + ov.rows() <= frames.descriptor().rows(), name);
                    assertTrue(ov.originColumn() + ov.columns() <= frames.descriptor().columns(), name);
                }
                // GH1728's Overlay Data is 4 bits shorter than the plane: read as far as it goes, the rest is 0
                if (!name.startsWith("broken/")) assertTrue(o.get(0).count() > 0, name);
            }
        }
    }

    @Test
    void theSharedOutOfBoundsOverlayIsClippedNotRejected() throws Exception {
        // Overlay 6000 starts at row 704 (1-based) of 788 with 101 rows: rows 704–788 remain; 6002 starts at
        // (−25, −25): its first 26 rows and columns are cut. The pixel data (JPEG) is not needed for these.
        Path file = SharedData.requireDicomFile("broken/fo-dicom/OutOfBoundsOverlay.dcm");
        try (ImageFrames frames = ImageFrames.open(file)) {
            List<Overlay> o = Overlays.forFrame(frames.dataset(), frames.descriptor(), 0, null);
            assertEquals(2, o.size());
            assertEquals(703, o.get(0).originRow());
            assertEquals(408, o.get(0).originColumn());
            assertEquals(788 - 703, o.get(0).rows());
            assertEquals(101, o.get(0).columns());
            assertEquals("First reference mark", o.get(0).description());
            assertEquals(0, o.get(1).originRow());
            assertEquals(0, o.get(1).originColumn());
            assertEquals(101 - 26, o.get(1).rows());
            assertEquals(101 - 26, o.get(1).columns());
        }
    }
}
