package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.StoreScu.Sent;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * One association of a {@link StoreScu}: proposes a presentation context per (SOP class, transfer syntax) pair, so
 * that acceptance is known per syntax (the source's own first, then the two uncompressed syntaxes every SCP must
 * support, PS3.5 10.1), sends each source as it is where its syntax was accepted and transcoded where it was not.
 */
final class StoreAssociation {
    /** PS3.8 9.3.2.2: context ids are odd numbers 1..255, so at most 128 contexts per association. */
    static final int MAX_CONTEXTS = 128;
    private static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<PresentationContextRq> contexts = new ArrayList<>();
    private final List<StoreSource> sendable = new ArrayList<>();
    private final List<StoreSource> overflow = new ArrayList<>();

    private StoreAssociation(List<? extends StoreSource> sources) {
        for (StoreSource s : sources) {
            List<String> wanted = candidates(s.transferSyntaxUid());
            long missing = wanted.stream().filter(ts -> !ids.containsKey(key(s.sopClassUid(), ts))).count();
            if (contexts.size() + missing > MAX_CONTEXTS) {
                overflow.add(s);
                continue;
            }
            for (String ts : wanted) {
                ids.computeIfAbsent(key(s.sopClassUid(), ts), k -> {
                    int id = 2 * contexts.size() + 1;
                    contexts.add(new PresentationContextRq(id, s.sopClassUid(), List.of(ts)));
                    return id;
                });
            }
            sendable.add(s);
        }
    }

    /**
     * Sends what fits in one association's 128 contexts; every one of those gets exactly one result whatever
     * happens. Returns the sources that did not fit, for the next association.
     */
    static List<StoreSource> run(Requestor requestor, List<? extends StoreSource> sources, Consumer<Sent> results) {
        StoreAssociation plan = new StoreAssociation(sources);
        plan.sendAll(requestor, results);
        return plan.overflow;
    }

    /** The syntaxes proposed for a source: its own, then Explicit and Implicit VR Little Endian. */
    static List<String> candidates(String ownTs) {
        List<String> list = new ArrayList<>(List.of(ownTs));
        for (String ts : UNCOMPRESSED) {
            if (!list.contains(ts)) {
                list.add(ts);
            }
        }
        return list;
    }

    private static String key(String sopClass, String ts) {
        return sopClass + "|" + ts;
    }

    private void sendAll(Requestor requestor, Consumer<Sent> results) {
        if (sendable.isEmpty()) {
            return;
        }
        Association a;
        try {
            a = requestor.open(contexts, List.of());
        } catch (AssociationRejectedException e) {
            // PS3.8 9.3.4: result 2 is rejected-transient, 1 rejected-permanent.
            boolean transientReject = e.rejection().result() == 2;
            sendable.forEach(s -> results.accept(fail(s, e.getMessage(), transientReject)));
            return;
        } catch (IOException | RuntimeException e) {
            sendable.forEach(s -> results.accept(fail(s, "cannot connect: " + e.getMessage(), true)));
            return;
        }
        int next = 0;
        try {
            for (; next < sendable.size(); next++) {
                results.accept(send(a, sendable.get(next)));
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

    private PresentationContext accepted(Association a, String sopClass, String ts) {
        Integer id = ids.get(key(sopClass, ts));
        return id == null ? null : a.contexts().get(id);
    }

    /** One C-STORE; IOException only when the association itself failed. */
    private Sent send(Association a, StoreSource s) throws IOException {
        PresentationContext own = accepted(a, s.sopClassUid(), s.transferSyntaxUid());
        if (own != null) {
            return classify(s, sendAsIs(a, own.id(), s), null);
        }
        PresentationContext fallback = null;
        for (String ts : UNCOMPRESSED) {
            if (fallback == null) {
                fallback = accepted(a, s.sopClassUid(), ts);
            }
        }
        if (fallback == null) {
            return fail(s, StoreResult.NOT_ACCEPTED + " for " + s.sopClassUid() + " in transfer syntax "
                    + s.transferSyntaxUid() + " nor uncompressed", false);
        }
        byte[] data;
        try {
            data = s.transcoded(TransferSyntax.of(fallback.transferSyntax()));
        } catch (IOException | FrameException | RuntimeException e) {
            return fail(s, "peer accepts only " + CodecRegistry.nameOf(fallback.transferSyntax())
                    + " and transcoding failed: " + e.getMessage(), false);
        }
        int messageId = a.nextMessageId();
        a.sendCommand(fallback.id(), Commands.storeRq(messageId, s.sopClassUid(), s.sopInstanceUid(), 0));
        a.sendData(fallback.id(), data);
        return classify(s, response(a, messageId, s), "transcoded from " + CodecRegistry.nameOf(s.transferSyntaxUid())
                + " to " + CodecRegistry.nameOf(fallback.transferSyntax()));
    }

    /** The data set unchanged: straight from the file where the source is one, else streamed from the source. */
    private static StoreResult sendAsIs(Association a, int contextId, StoreSource s) throws IOException {
        StoreSource.FileSlice slice = s.slice();
        if (slice != null) {
            FileChannel channel;
            try {
                channel = FileChannel.open(slice.file(), StandardOpenOption.READ);
            } catch (IOException e) {
                return new StoreResult(s.file(), s.sopInstanceUid(), null, "cannot open: " + e.getMessage());
            }
            int messageId = a.nextMessageId();
            try (FileChannel ch = channel) {
                a.sendCommand(contextId, Commands.storeRq(messageId, s.sopClassUid(), s.sopInstanceUid(), 0));
                a.sendData(contextId, ch, slice.offset(), slice.length());
            }
            return response(a, messageId, s);
        }
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

    static Sent fail(StoreSource s, String why, boolean transientFailure) {
        return new Sent(s, new StoreResult(s.file(), s.sopInstanceUid(), null, why), transientFailure);
    }

    /** PS3.4 B.2.3 / PS3.7 C: A7xx (out of resources) is worth retrying; A9xx, Cxxx and others are not. */
    private static Sent classify(StoreSource s, StoreResult r, String note) {
        StoreResult withNote = note == null ? r
                : new StoreResult(r.file(), r.sopInstanceUid(), r.status(), r.error(), note);
        Status st = r.status();
        return new Sent(s, withNote, st != null && (st.code() & 0xFF00) == 0xA700);
    }
}
