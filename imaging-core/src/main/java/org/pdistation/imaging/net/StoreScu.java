package org.pdistation.imaging.net;

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

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Storage SCU (PS3.4 Annex B): sends files as they are, streaming each data set from disk into P-DATA PDUs, over
 * one or several parallel associations. Files are not transcoded: a file whose transfer syntax the peer does not
 * accept fails with that reason.
 */
public final class StoreScu {
    /** PS3.8 9.3.2.2: context ids are odd numbers 1..255, so at most 128 contexts per association. */
    private static final int MAX_CONTEXTS = 128;

    private final RemoteAe target;
    private final String callingAet;
    private final NetOptions options;

    public StoreScu(RemoteAe target, String callingAet, NetOptions options) {
        this.target = target;
        this.callingAet = RemoteAe.checkAet(callingAet);
        this.options = options;
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
        // One context per (SOP class, transfer syntax) pair, so that acceptance is known per file.
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<PresentationContextRq> contexts = new ArrayList<>();
        List<StoreInstance> sendable = new ArrayList<>();
        for (StoreInstance i : instances) {
            String key = i.sopClassUid() + "|" + i.transferSyntaxUid();
            if (!ids.containsKey(key)) {
                if (contexts.size() == MAX_CONTEXTS) {
                    results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null,
                            "more than 128 SOP class/transfer syntax combinations in one association"));
                    continue;
                }
                int id = 2 * contexts.size() + 1;
                ids.put(key, id);
                contexts.add(new PresentationContextRq(id, i.sopClassUid(), List.of(i.transferSyntaxUid())));
            }
            sendable.add(i);
        }
        if (sendable.isEmpty()) {
            return;
        }
        Association a;
        try {
            a = Association.connect(target.host(), target.port(),
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
                int id = ids.get(i.sopClassUid() + "|" + i.transferSyntaxUid());
                if (!a.contexts().containsKey(id)) {
                    results.accept(new StoreResult(i.file(), i.sopInstanceUid(), null, "peer accepted no context for "
                            + i.sopClassUid() + " in transfer syntax " + i.transferSyntaxUid()));
                    continue;
                }
                results.accept(send(a, id, i));
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
