package org.pdistation.imaging.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;

/** What the query/retrieve SCUs share: opening an association, identifiers in a context's syntax, responses. */
final class Dimse {
    /** Identifiers are small: the two uncompressed syntaxes every SCP supports (PS3.5 10.1). */
    static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());

    private Dimse() {
    }

    static Association open(SocketFactory factory, RemoteAe target, String callingAet,
                            List<PresentationContextRq> contexts, List<RoleSelection> roles, NetOptions options)
            throws IOException {
        return new Requestor(target, callingAet, options, factory, null).open(contexts, roles);
    }

    /** The accepted context for {@code sopClass}; IOException naming the peer when it refused it. */
    static PresentationContext context(Association a, RemoteAe target, String sopClass) throws IOException {
        PresentationContext pc = a.findContext(sopClass, null);
        if (pc == null) {
            a.abort();
            throw new IOException(target + " did not accept SOP class " + sopClass);
        }
        return pc;
    }

    static byte[] encode(Dataset ds, String tsUid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        DicomWriter.writeDataset(out, ds, TransferSyntax.of(tsUid), WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    static Dataset decode(byte[] bytes, String tsUid) throws IOException {
        return DicomReader.readDataset(new ByteArrayInputStream(bytes), TransferSyntax.of(tsUid),
                ReadOptions.IN_MEMORY);
    }

    /**
     * The next command, which must be a response of type {@code field} to {@code messageId}: IOException (after
     * aborting) otherwise.
     */
    static Association.Command response(Association a, CommandField field, int messageId) throws IOException {
        Association.Command c = a.readCommand();
        if (c == null) {
            throw new IOException("peer released the association while " + field + " to message " + messageId
                    + " was outstanding");
        }
        if (Commands.field(c.command()) != field
                || c.command().getInt(Tag.MessageIDBeingRespondedTo, -1) != messageId) {
            a.abort();
            throw new IOException("expected " + field + " to message " + messageId + ", got command "
                    + Integer.toHexString(c.command().getInt(Tag.CommandField, -1)));
        }
        return c;
    }
}
