package org.pdistation.imaging.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

class JsonModelWriterTest {

    private static String json(Dataset ds, JsonModelWriter.BulkMode mode) throws IOException {
        StringWriter w = new StringWriter();
        new JsonModelWriter(mode).write(ds, w);
        return w.toString();
    }

    @Test
    void writesPersonNameGroupsNumbersAndEmptyValues() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John=\u5c71\u7530");
        ds.setString(Tag.PatientID, VR.LO, "");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setString(Tag.SliceThickness, VR.DS, "+.5");
        ds.setString(Tag.ImagesInAcquisition, VR.IS, "007");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        assertEquals("{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^John\",\"Ideographic\":\"\u5c71\u7530\"}]},"
                + "\"00100020\":{\"vr\":\"LO\"},"
                + "\"00180050\":{\"vr\":\"DS\",\"Value\":[0.5]},"
                + "\"00201002\":{\"vr\":\"IS\",\"Value\":[7]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}", json(ds, JsonModelWriter.BulkMode.INLINE));
    }

    @Test
    void keepsAnInvalidDecimalStringAsAString() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SliceThickness, VR.DS, "1.9.10.0");
        assertEquals("{\"00180050\":{\"vr\":\"DS\",\"Value\":[\"1.9.10.0\"]}}", json(ds, JsonModelWriter.BulkMode.INLINE));
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashes() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImageComments, VR.LT, "a \"b\"\n\u0001c\\d");
        assertEquals("{\"00204000\":{\"vr\":\"LT\",\"Value\":[\"a \\\"b\\\"\\n\\u0001c\\\\d\"]}}",
                json(ds, JsonModelWriter.BulkMode.INLINE));
    }

    @Test
    void writesSequencesAtAndBigEndianWordsAsLittleEndianBase64() throws IOException {
        Dataset ds = new Dataset(true, 8);
        Sequence seq = ds.newSequence(Tag.ReferencedImageSequence, 1);
        seq.addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        ds.setBytes(Tag.FrameIncrementPointer, VR.AT, new byte[] {0x00, 0x18, 0x10, 0x63});
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {0x01, 0x02, 0x03, 0x04});
        // Elements come in tag order; the big-endian OW words 0102 0304 become little-endian 02 01 04 03.
        assertEquals("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[{\"00081155\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}]},"
                + "\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00181063\"]},"
                + "\"00281201\":{\"vr\":\"OW\",\"InlineBinary\":\"AgEEAw==\"}}",
                json(ds, JsonModelWriter.BulkMode.INLINE));
    }

    @Test
    void bulkDataIsLoadedReferencedOrOmitted(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("data");
        Files.write(f, new byte[] {9, 9, 'a', 'b', 'c', 'd', 9});
        Dataset ds = new Dataset();
        BulkData bulk = new BulkData(f, 2, 4, false);
        ds.set(Tag.PixelData, VR.OB, bulk);
        assertEquals("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"YWJjZA==\"}}", json(ds, JsonModelWriter.BulkMode.INLINE));
        assertEquals("{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"" + bulk.uri() + "\"}}",
                json(ds, JsonModelWriter.BulkMode.URI));
        assertEquals("{\"7FE00010\":{\"vr\":\"OB\"}}", json(ds, JsonModelWriter.BulkMode.OMIT));
    }

    @Test
    void encapsulatedPixelDataIsTheItemStreamWithoutTheDelimiter() throws IOException {
        Dataset ds = new Dataset();
        Fragments f = new Fragments(VR.OB);
        f.add(new byte[0]);
        f.add(new byte[] {1, 2});
        ds.set(Tag.PixelData, VR.OB, f);
        // FE FF 00 E0 00 00 00 00 | FE FF 00 E0 02 00 00 00 01 02
        assertEquals("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"/v8A4AAAAAD+/wDgAgAAAAEC\"}}",
                json(ds, JsonModelWriter.BulkMode.INLINE));
    }

    @Test
    void writeArrayListsDatasetsInOrder() throws IOException {
        Dataset a = new Dataset();
        a.setString(Tag.Modality, VR.CS, "CT");
        Dataset b = new Dataset();
        StringWriter w = new StringWriter();
        new JsonModelWriter(JsonModelWriter.BulkMode.INLINE).writeArray(List.of(a, b), w);
        assertEquals("[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}},{}]", w.toString());
    }
}
