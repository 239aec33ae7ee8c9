package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Query/Retrieve and Modality Worklist FIND SCU (PS3.4 C.4.1, K.4): one association, one C-FIND, the pending
 * responses' identifiers collected in order, then the final status.
 */
public final class FindScu {
    private final Requestor requestor;
    private final RemoteAe target;

    public FindScu(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, SocketFactory.getDefault());
    }

    public FindScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets) {
        this(new Requestor(target, callingAet, options, sockets, null));
    }

    /** With the shared association setup, e.g. carrying a User Identity (PS3.7 D.3.3.7). */
    public FindScu(Requestor requestor) {
        this.requestor = requestor;
        this.target = requestor.target();
    }

    /** The matches and the final status; {@code cancelled} when we sent C-CANCEL. */
    public record Result(List<Dataset> matches, Status status, String errorComment, boolean cancelled) {
        public Result {
            matches = List.copyOf(matches);
        }
    }

    /** All matches of {@code keys} (which should carry Query/Retrieve Level for Q/R models). */
    public Result find(QueryModel model, Dataset keys) throws IOException {
        return find(model, keys, m -> true);
    }

    /**
     * Like {@link #find(QueryModel, Dataset)}, handing each match to {@code onMatch} as it arrives; when it answers
     * false a C-CANCEL-RQ is sent (PS3.7 9.3.2.3) and the matches still in flight are collected until the final
     * response (status Cancel, or Success when the peer had already finished).
     */
    public Result find(QueryModel model, Dataset keys, Predicate<Dataset> onMatch) throws IOException {
        String sopClass = model.findSopClass();
        Association a = requestor.open(List.of(new PresentationContextRq(1, sopClass, Dimse.UNCOMPRESSED)), List.of());
        try {
            PresentationContext pc = Dimse.context(a, target, sopClass);
            int id = a.nextMessageId();
            a.sendCommand(pc.id(), Commands.findRq(id, sopClass, 0));
            a.sendData(pc.id(), Dimse.encode(keys, pc.transferSyntax()));
            List<Dataset> matches = new ArrayList<>();
            boolean cancelled = false;
            while (true) {
                Association.Command rsp = Dimse.response(a, CommandField.C_FIND_RSP, id);
                Status status = Commands.status(rsp.command());
                Dataset identifier = Commands.hasDataSet(rsp.command())
                        ? Dimse.decode(a.readData(), pc.transferSyntax()) : null;
                if (!status.isPending()) {
                    a.release();
                    return new Result(matches, status, rsp.command().getString(org.pdistation.imaging.data.Tag
                            .ErrorComment), cancelled);
                }
                if (identifier != null) {
                    matches.add(identifier);
                    if (!cancelled && !onMatch.test(identifier)) {
                        a.sendCommand(pc.id(), Commands.cancelRq(id));
                        cancelled = true;
                    }
                }
            }
        } finally {
            a.close();
        }
    }
}
