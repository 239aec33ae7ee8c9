package org.pdistation.imaging.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Storage SCU (PS3.4 Annex B): sends files as they are, streaming each data set from disk into P-DATA PDUs, over
 * one or several parallel associations. Each SOP class is proposed in the file's own transfer syntax and in Explicit
 * and Implicit VR Little Endian; a file whose own syntax the peer refuses is decompressed in memory and sent
 * uncompressed (its result notes the transcoding).
 */
public final class StoreScu {
    /** PS3.8 9.3.2.2: context ids are odd numbers 1..255, so at most 128 contexts per association. */
    private static final int MAX_CONTEXTS = 128;

    private final RemoteAe target;
    private final String callingAet;
    private final NetOptions options;

    private final javax.net.SocketFactory sockets;

    public StoreScu(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, javax.net.SocketFactory.getDefault());
    }

    /** With a socket factory, e.g. {@link TlsConfig#socketFactory()}. */
    public StoreScu(RemoteAe target, String callingAet, NetOptions options, javax.net.SocketFactory sockets) {
        this.target = target;
        this.callingAet = RemoteAe.checkAet(callingAet);
        this.options = options;
        this.sockets = sockets;
    }

    /**
     * Sends every file; one result per file, in no particular order across associations. {@code listener} is
     * called from the sending threads as each result arrives (it must be thread-safe).
     */
    public List<StoreResult> store(List<Path> files, int associations, Consumer<StoreResult> listener)
            throws InterruptedException {
        int n = Math.max(1, Math.min(associations, files.size()));
        List<List<Path>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            parts.get(i % n).add(files.get(i));
        }
        ConcurrentLinkedQueue<StoreResult> results = new ConcurrentLinkedQueue<>();
        Consumer<StoreResult> sink = r -> {
            results.add(r);
            listener.accept(r);
        };
        if (n == 1) {
            storeOn(parts.get(0), sink);
        } else {
            List<Thread> threads = new ArrayList<>();
            for (List<Path> part : parts) {
                threads.add(Thread.ofVirtual().name("store-scu").start(() -> storeOn(part, sink)));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        return List.copyOf(results);
    }

    /** One association for {@code files}; every file gets exactly one result whatever happens. */
    private void storeOn(List<Path> files, Consumer<StoreResult> results) {
        List<StoreInstance> instances = new ArrayList<>();
        for (Path f : files) {
            try {
                instances.add(StoreInstance.scan(f));
            } catch (IOException | RuntimeException e) {
                results.accept(new StoreResult(f, null, null, "cannot read: " + e.getMessage()));
            }
        }
        // One context per (SOP class, transfer syntax) pair, so that acceptance is known per syntax: the file's
        // own syntax first, then the two uncompressed fallbacks every SCP must support (PS3.5 10.1).
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<PresentationContextRq> contexts = new ArrayList<>();
        List<StoreInstance> sendable = new ArrayList<>();
        for (StoreInstance i : instances) {
            List<String> wanted = candidates(i.transferSyntaxUid());
            int missing = 0;
            for (String ts : wanted) {
                missing += ids.containsKey(i.sopClassUid() + "|" + ts) ? 0 : 1;
            }
            if (contexts.size() + missing > MAX_CONTEXTS) {
                results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null,
                        "more than 128 SOP class/transfer syntax combinations in one association"));
                continue;
            }
            for (String ts : wanted) {
                String key = i.sopClassUid() + "|" + ts;
                if (!ids.containsKey(key)) {
                    int id = 2 * contexts.size() + 1;
                    ids.put(key, id);
                    contexts.add(new PresentationContextRq(id, i.sopClassUid(), List.of(ts)));
                }
            }
            sendable.add(i);
        }
        if (sendable.isEmpty()) {
            return;
        }
        Association a;
        try {
            a = Association.connect(sockets, target.host(), target.port(),
                    Requests.associateRq(callingAet, target.aet(), contexts, options, null), options);
        } catch (IOException | RuntimeException e) {
            for (StoreInstance i : sendable) {
                results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null, e.getMessage()));
            }
            return;
        }
        int next = 0;
        try {
            for (; next < sendable.size(); next++) {
                StoreInstance i = sendable.get(next);
                PresentationContext as = a.contexts().get(ids.get(i.sopClassUid() + "|" + i.transferSyntaxUid()));
                if (as != null) {
                    results.accept(send(a, as.id(), i));
                    continue;
                }
                PresentationContext fallback = null;
                for (String ts : List.of(EXPLICIT_LE, IMPLICIT_LE)) {
                    Integer id = ids.get(i.sopClassUid() + "|" + ts);
                    if (fallback == null && id != null && a.contexts().containsKey(id)) {
                        fallback = a.contexts().get(id);
                    }
                }
                if (fallback == null) {
                    results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null, "peer accepted no context for "
                            + i.sopClassUid() + " in transfer syntax " + i.transferSyntaxUid()
                            + " nor uncompressed"));
                    continue;
                }
                byte[] data;
                try {
                    data = transcoded(i, TransferSyntax.of(fallback.transferSyntax()));
                } catch (IOException | FrameException | RuntimeException e) {
                    results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null, "peer accepts only "
                            + CodecRegistry.nameOf(fallback.transferSyntax()) + " and transcoding failed: "
                            + e.getMessage()));
                    continue;
                }
                StoreResult r = send(a, fallback.id(), i, data);
                results.accept(new StoreResult(r.file(), r.sopInstanceUid(), r.status(), r.error(),
                        "transcoded from " + CodecRegistry.nameOf(i.transferSyntaxUid()) + " to "
                                + CodecRegistry.nameOf(fallback.transferSyntax())));
            }
            a.release();
        } catch (IOException | RuntimeException e) {
            // The association is gone: the file being sent and all after it fail with the reason.
            for (; next < sendable.size(); next++) {
                StoreInstance i = sendable.get(next);
                results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null, e.getMessage()));
            }
        } finally {
            a.close();
        }
    }

    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();

    /** The syntaxes proposed for a file: its own, then Explicit and Implicit VR Little Endian. */
    static List<String> candidates(String fileTs) {
        List<String> list = new ArrayList<>(List.of(fileTs));
        for (String ts : List.of(EXPLICIT_LE, IMPLICIT_LE)) {
            if (!list.contains(ts)) {
                list.add(ts);
            }
        }
        return list;
    }

    /** The file's data set, pixel data decompressed, encoded in {@code target} in memory. */
    private static byte[] transcoded(StoreInstance i, TransferSyntax target) throws IOException, FrameException {
        DicomFile file = DicomReader.read(i.file(), ReadOptions.IN_MEMORY);
        if (file.hasErrors()) {
            throw new IOException("the file is damaged: " + file.problems().get(0));
        }
        Dataset ds = new Transcoder().transcode(file, target);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                i.dataSetLength() * 2));
        DicomWriter.writeDataset(out, ds, target, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    private static StoreResult send(Association a, int contextId, StoreInstance i, byte[] data) throws IOException {
        int messageId = a.nextMessageId();
        a.sendCommand(contextId, Commands.storeRq(messageId, i.sopClassUid(), i.sopInstanceUid(), 0));
        a.sendData(contextId, data);
        return response(a, messageId, i);
    }

    private static StoreResult send(Association a, int contextId, StoreInstance i) throws IOException {
        int messageId = a.nextMessageId();
        FileChannel channel;
        try {
            channel = FileChannel.open(i.file(), StandardOpenOption.READ);
        } catch (IOException e) {
            return new StoreResult(i.file(), i.sopInstanceUid(), null, "cannot open: " + e.getMessage());
        }
        try (FileChannel ch = channel) {
            a.sendCommand(contextId, Commands.storeRq(messageId, i.sopClassUid(), i.sopInstanceUid(), 0));
            a.sendData(contextId, ch, i.dataSetOffset(), i.dataSetLength());
        }
        return response(a, messageId, i);
    }

    private static StoreResult response(Association a, int messageId, StoreInstance i) throws IOException {
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
        Status status = Commands.status(rsp.command());
        String comment = rsp.command().getString(Tag.ErrorComment);
        return new StoreResult(i.file(), i.sopInstanceUid(), status, comment);
    }
}
