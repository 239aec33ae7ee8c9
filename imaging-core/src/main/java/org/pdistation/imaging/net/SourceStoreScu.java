package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.net.SocketFactory;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Storage SCU (PS3.4 Annex B) for {@link StoreSource}s, one association per call: the same negotiation as
 * {@link StoreScu} (own syntax, then Explicit and Implicit VR Little Endian), the data set streamed from the source,
 * transcoded only when the peer refuses the source's syntax. Each result says whether the failure is transient
 * (worth retrying later: no connection, association rejected transient, A7xx out of resources) or permanent.
 */
public final class SourceStoreScu {
    private static final int MAX_CONTEXTS = 128;
    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();

    /** The outcome for one source; {@code transientFailure} only for failures a later retry may cure. */
    public record Result(StoreSource source, StoreResult result, boolean transientFailure) {}

    private final RemoteAe target;
    private final String callingAet;
    private final NetOptions options;
    private final SocketFactory sockets;

    public SourceStoreScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets) {
        this.target = target;
        this.callingAet = RemoteAe.checkAet(callingAet);
        this.options = options;
        this.sockets = sockets;
    }

    /** Sends {@code sources} over one association; every source gets exactly one result whatever happens. */
    public void storeOn(List<? extends StoreSource> sources, Consumer<Result> results) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<PresentationContextRq> contexts = new ArrayList<>();
        List<StoreSource> sendable = new ArrayList<>();
        for (StoreSource s : sources) {
            List<String> wanted = StoreScu.candidates(s.transferSyntaxUid());
            int missing = 0;
            for (String ts : wanted) {
                missing += ids.containsKey(s.sopClassUid() + "|" + ts) ? 0 : 1;
            }
            if (contexts.size() + missing > MAX_CONTEXTS) {
                // Not a failure of the peer: another association (a retry) will carry it.
                results.accept(fail(s, "more than 128 SOP class/transfer syntax combinations in one association",
                        true));
                continue;
            }
            for (String ts : wanted) {
                String key = s.sopClassUid() + "|" + ts;
                if (!ids.containsKey(key)) {
                    int id = 2 * contexts.size() + 1;
                    ids.put(key, id);
                    contexts.add(new PresentationContextRq(id, s.sopClassUid(), List.of(ts)));
                }
            }
            sendable.add(s);
        }
        if (sendable.isEmpty()) {
            return;
        }
        Association a;
        try {
            a = Association.connect(sockets, target.host(), target.port(),
                    Requests.associateRq(callingAet, target.aet(), contexts, options, null), options);
        } catch (AssociationRejectedException e) {
            // PS3.8 9.3.4: result 2 is rejected-transient, 1 rejected-permanent.
            boolean transientReject = e.rejection().result() == 2;
            for (StoreSource s : sendable) {
                results.accept(fail(s, "association rejected: " + e.getMessage(), transientReject));
            }
            return;
        } catch (IOException | RuntimeException e) {
            for (StoreSource s : sendable) {
                results.accept(fail(s, "cannot connect: " + e.getMessage(), true));
            }
            return;
        }
        int next = 0;
        try {
            for (; next < sendable.size(); next++) {
                StoreSource s = sendable.get(next);
                PresentationContext as = a.contexts().get(ids.get(s.sopClassUid() + "|" + s.transferSyntaxUid()));
                if (as != null) {
                    results.accept(classify(s, sendStreamed(a, as.id(), s), null));
                    continue;
                }
                PresentationContext fallback = null;
                for (String ts : List.of(EXPLICIT_LE, IMPLICIT_LE)) {
                    Integer id = ids.get(s.sopClassUid() + "|" + ts);
                    if (fallback == null && id != null && a.contexts().containsKey(id)) {
                        fallback = a.contexts().get(id);
                    }
                }
                if (fallback == null) {
                    results.accept(fail(s, "peer accepted no context for " + s.sopClassUid() + " in transfer syntax "
                            + s.transferSyntaxUid() + " nor uncompressed", false));
                    continue;
                }
                byte[] data;
                try {
                    data = s.transcoded(TransferSyntax.of(fallback.transferSyntax()));
                } catch (IOException | FrameException | RuntimeException e) {
                    results.accept(fail(s, "peer accepts only " + CodecRegistry.nameOf(fallback.transferSyntax())
                            + " and transcoding failed: " + e.getMessage(), false));
                    continue;
                }
                int messageId = a.nextMessageId();
                a.sendCommand(fallback.id(), Commands.storeRq(messageId, s.sopClassUid(), s.sopInstanceUid(), 0));
                a.sendData(fallback.id(), data);
                results.accept(classify(s, response(a, messageId, s), "transcoded from "
                        + CodecRegistry.nameOf(s.transferSyntaxUid()) + " to "
                        + CodecRegistry.nameOf(fallback.transferSyntax())));
            }
            a.release();
        } catch (IOException | RuntimeException e) {
            // The association is gone: the source being sent and all after it fail, transiently.
            for (; next < sendable.size(); next++) {
                results.accept(fail(sendable.get(next), "association failed: " + e.getMessage(), true));
            }
        } finally {
            a.close();
        }
    }

    private static Result fail(StoreSource s, String why, boolean transientFailure) {
        return new Result(s, new StoreResult(s.file(), s.sopInstanceUid(), null, why), transientFailure);
    }

    /** PS3.4 Table B.2-1 / PS3.7 C: A7xx (out of resources) is worth retrying; A9xx, Cxxx and others are not. */
    private static Result classify(StoreSource s, StoreResult r, String note) {
        StoreResult withNote = note == null ? r
                : new StoreResult(r.file(), r.sopInstanceUid(), r.status(), r.error(), note);
        Status st = r.status();
        boolean transientFailure = st != null && (st.code() & 0xFF00) == 0xA700;
        return new Result(s, withNote, transientFailure);
    }

    private static StoreResult sendStreamed(Association a, int contextId, StoreSource s) throws IOException {
        long length;
        InputStream in;
        try {
            length = s.length();
            in = s.open();
        } catch (IOException e) {
            return new StoreResult(s.file(), s.sopInstanceUid(), null, "cannot open: " + e.getMessage());
        }
        int messageId = a.nextMessageId();
        try (InputStream data = in) {
            a.sendCommand(contextId, Commands.storeRq(messageId, s.sopClassUid(), s.sopInstanceUid(), 0));
            a.sendData(contextId, data, length);
        }
        return response(a, messageId, s);
    }

    private static StoreResult response(Association a, int messageId, StoreSource s) throws IOException {
        Association.Command rsp = a.readCommand();
        if (rsp == null) {
            throw new IOException("peer released the association instead of answering C-STORE");
        }
        if (Commands.field(rsp.command()) != CommandField.C_STORE_RSP
                || rsp.command().getInt(Tag.MessageIDBeingRespondedTo, -1) != messageId) {
            throw new IOException("expected C-STORE-RSP to message " + messageId);
        }
        if (Commands.hasDataSet(rsp.command())) {
            a.readData();
        }
        return new StoreResult(s.file(), s.sopInstanceUid(), Commands.status(rsp.command()),
                rsp.command().getString(Tag.ErrorComment));
    }

}
