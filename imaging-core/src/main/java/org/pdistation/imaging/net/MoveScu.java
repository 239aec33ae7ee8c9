package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Query/Retrieve MOVE SCU (PS3.4 C.4.2): asks the peer to send the matching instances to another AE (which must be
 * known to the peer by AE title), and follows the sub-operation counts of the responses.
 */
public final class MoveScu {
    private final Requestor requestor;
    private final RemoteAe target;

    public MoveScu(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, SocketFactory.getDefault());
    }

    public MoveScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets) {
        this(new Requestor(target, callingAet, options, sockets, null));
    }

    /** With the shared association setup, e.g. carrying a User Identity (PS3.7 D.3.3.7). */
    public MoveScu(Requestor requestor) {
        this.requestor = requestor;
        this.target = requestor.target();
    }

    public RetrieveResult move(QueryModel model, String destination, Dataset keys) throws IOException {
        return move(model, destination, keys, r -> { });
    }

    /** {@code progress} sees each pending response's counts as they arrive. */
    public RetrieveResult move(QueryModel model, String destination, Dataset keys, Consumer<RetrieveResult> progress)
            throws IOException {
        String sopClass = model.moveSopClass();
        RemoteAe.checkAet(destination);
        Association a = requestor.open(List.of(new PresentationContextRq(1, sopClass, Dimse.UNCOMPRESSED)), List.of());
        try {
            PresentationContext pc = Dimse.context(a, target, sopClass);
            int id = a.nextMessageId();
            a.sendCommand(pc.id(), Commands.moveRq(id, sopClass, 0, destination));
            a.sendData(pc.id(), Dimse.encode(keys, pc.transferSyntax()));
            int pending = 0;
            while (true) {
                Association.Command rsp = Dimse.response(a, CommandField.C_MOVE_RSP, id);
                Dataset identifier = Commands.hasDataSet(rsp.command())
                        ? Dimse.decode(a.readData(), pc.transferSyntax()) : null;
                Status status = Commands.status(rsp.command());
                if (status.isPending()) {
                    pending++;
                    progress.accept(Retrieves.result(rsp, identifier, pending));
                    continue;
                }
                RetrieveResult result = Retrieves.result(rsp, identifier, pending);
                a.release();
                return result;
            }
        } finally {
            a.close();
        }
    }
}
