package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.List;

import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/** Verification SCU (PS3.4 Annex A): one association, one C-ECHO, release. */
public final class EchoScu {
    private EchoScu() {
    }

    /** The C-ECHO-RSP status; IOException when the association fails, is rejected or the peer misbehaves. */
    public static Status echo(RemoteAe target, String callingAet, NetOptions options) throws IOException {
        return echo(javax.net.SocketFactory.getDefault(), target, callingAet, options);
    }

    /** As {@link #echo(RemoteAe, String, NetOptions)} over sockets from {@code sockets} (e.g. TLS). */
    public static Status echo(javax.net.SocketFactory sockets, RemoteAe target, String callingAet, NetOptions options)
            throws IOException {
        return echo(sockets, target, callingAet, options, null);
    }

    /** As above, sending a User Identity (PS3.7 D.3.3.7) when {@code identity} is not null. */
    public static Status echo(javax.net.SocketFactory sockets, RemoteAe target, String callingAet, NetOptions options,
                              org.pdistation.imaging.net.pdu.UserIdentity identity) throws IOException {
        return echo(new Requestor(target, callingAet, options, sockets, identity));
    }

    /** One C-ECHO through the shared association setup. */
    public static Status echo(Requestor requestor) throws IOException {
        RemoteAe target = requestor.target();
        Association a = requestor.open(List.of(new PresentationContextRq(1, UID.Verification,
                List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()))), List.of());
        try {
            PresentationContext pc = a.findContext(UID.Verification, null);
            if (pc == null) {
                throw new IOException(target + " did not accept the Verification SOP class");
            }
            a.sendCommand(pc.id(), Commands.echoRq(a.nextMessageId(), UID.Verification));
            Association.Command rsp = a.readCommand();
            if (rsp == null || Commands.field(rsp.command()) != CommandField.C_ECHO_RSP) {
                throw new IOException("expected C-ECHO-RSP from " + target);
            }
            Status status = Commands.status(rsp.command());
            a.release();
            return status;
        } finally {
            a.close();
        }
    }
}
