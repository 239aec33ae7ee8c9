package org.pdistation.imaging.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.ReadProblem;
import org.pdistation.imaging.io.TransferSyntax;

class DumpFormatterTest {

    @Test
    void listsElementsWithLengthMultiplicityAndKeyword() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        StringBuilder sb = new StringBuilder();
        new DumpFormatter().format(ds, sb);
        assertEquals(String.format("%-56s# 8, 1 PatientName%n", "(0010,0010) PN [Doe^John]").replace(System.lineSeparator(), "\n"),
                sb.toString());
    }

    @Test
    void indentsItemsCutsLongValuesAndShowsBulkData() throws IOException {
        Dataset ds = new Dataset();
        ds.newSequence(Tag.ReferencedImageSequence, 1).addItem()
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.ImageComments, VR.LT, "x".repeat(100));
        ds.set(Tag.PixelData, VR.OW, new BulkData(Path.of("f.dcm"), 1234, 524288, false));
        DicomFile file = new DicomFile(null, new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true, -1, true,
                List.of(ReadProblem.warning(10, Tag.PatientName, "odd value length 3")));
        StringBuilder sb = new StringBuilder();
        new DumpFormatter(20).format(file, sb);
        String out = sb.toString();
        assertTrue(out.contains("(0008,1140) SQ (1 item)"), out);
        assertTrue(out.contains("\n  (FFFE,E000) item 1\n    (0008,1155) UI [1.2.3]"), out);
        assertTrue(out.contains("(0020,4000) LT [xxxxxxxxxxxxxxxxx...]"), out);
        assertTrue(out.contains("(7FE0,0010) OW <bulk data 524288 bytes at offset 1234>"), out);
        assertTrue(out.endsWith("warning: offset 10, tag (0010,0010): odd value length 3\n"), out);
    }
}
