package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/** PS3.5 A.5: an odd-length deflated bit stream is followed by one NULL byte, so that the data set is even. */
class DeflatedPaddingTest {
    private static final TransferSyntax DEFLATED = TransferSyntax.of("1.2.840.10008.1.2.1.99");

    /** The raw deflate length of the data set's Explicit VR LE encoding, as the writer compresses it. */
    private static int rawDeflatedLength(Dataset ds) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        DicomWriter.writeDataset(plain, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(plain.toByteArray());
        d.finish();
        byte[] buf = new byte[1 << 16];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(buf);
        }
        d.end();
        return n;
    }

    private static Dataset sample(SplittableRandom random) {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientID, VR.LO, "ID" + random.nextInt(1_000_000));
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10, 200); i > 0; i--) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        ds.setString(Tag.StudyDescription, VR.LO, text.substring(0, Math.min(64, text.length())));
        ds.setString(Tag.ImageComments, VR.LT, text.toString());
        return ds;
    }

    @Test
    void oddDeflatedDataSetsArePaddedAndEvenOnesAreNot() throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        int odd = 0;
        int even = 0;
        for (int i = 0; i < 40 && (odd < 3 || even < 3); i++) {
            Dataset ds = sample(random);
            int raw = rawDeflatedLength(ds);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter.writeDataset(out, ds, DEFLATED, WriteOptions.DEFAULT);
            byte[] written = out.toByteArray();
            assertEquals(0, written.length % 2, "deflated data set of " + written.length + " bytes");
            if (raw % 2 == 1) {
                odd++;
                assertEquals(raw + 1, written.length);
                assertEquals(0, written[written.length - 1], "the pad is a NULL byte");
            } else {
                even++;
                assertEquals(raw, written.length);
            }
            Dataset back = DicomReader.readDataset(new ByteArrayInputStream(written), DEFLATED, ReadOptions.IN_MEMORY);
            assertEquals(ds.getString(Tag.ImageComments), back.getString(Tag.ImageComments));
        }
        assertTrue(odd >= 1 && even >= 1, "odd " + odd + ", even " + even);
    }
}
