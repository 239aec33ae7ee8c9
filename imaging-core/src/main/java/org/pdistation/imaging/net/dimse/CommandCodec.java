package org.pdistation.imaging.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/** Command sets in Implicit VR Little Endian (PS3.7 6.3.1), with Command Group Length first (PS3.7 E.1). */
public final class CommandCodec {
    private CommandCodec() {
    }

    public static byte[] encode(Dataset command) throws IOException {
        Dataset c = command.copy();
        c.remove(Tag.CommandGroupLength);
        ByteArrayOutputStream body = new ByteArrayOutputStream(160);
        DicomWriter.writeDataset(body, c, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 12);
        // (0000,0000) UL, length 4, value = bytes of the group after this element.
        out.writeBytes(new byte[] {0, 0, 0, 0, 4, 0, 0, 0, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16),
                (byte) (n >>> 24)});
        body.writeTo(out);
        return out.toByteArray();
    }

    public static Dataset decode(byte[] bytes) throws IOException {
        Dataset ds = DicomReader.readDataset(new ByteArrayInputStream(bytes), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.IN_MEMORY.withStrict(true));
        if (!ds.contains(Tag.CommandField)) {
            throw new IOException("command set of " + bytes.length + " bytes has no Command Field (0000,0100)");
        }
        return ds;
    }
}
