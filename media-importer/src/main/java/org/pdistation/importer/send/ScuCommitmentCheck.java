package org.pdistation.importer.send;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.pdistation.imaging.net.AssociationObserver;
import org.pdistation.imaging.net.CommitmentReceiver;
import org.pdistation.imaging.net.CommitmentResult;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.StorageCommitmentScu;
import org.pdistation.imaging.net.StorageSink;
import org.pdistation.imaging.net.TlsConfig;
import org.pdistation.imaging.net.dimse.Status;

/**
 * Storage Commitment through imaging-core's {@link StorageCommitmentScu}. Many PACS (Orthanc among them) send the
 * N-EVENT-REPORT on an association they open to us (PS3.4 J.3.3: the SCP may use another association), so unless
 * {@code listenPort} is negative a small SCP listens for it (the PACS must know our AE title at that port); it
 * refuses storage, it only takes reports. References go in N-ACTIONs of at most {@link #PER_REQUEST}.
 */
public final class ScuCommitmentCheck implements CommitmentCheck, AutoCloseable {
    /** Instances per N-ACTION: keeps a Referenced SOP Sequence (and the SCP's work per request) modest. */
    static final int PER_REQUEST = 1000;

    private final StorageCommitmentScu scu;
    private final DicomServer listener;
    private final Duration timeout;

    private ScuCommitmentCheck(StorageCommitmentScu scu, DicomServer listener, Duration timeout) {
        this.scu = scu;
        this.listener = listener;
        this.timeout = timeout;
    }

    /**
     * @param listenPort port for the PACS's report association: a port, 0 for any free one ({@link #port()}), or
     *                   negative to take the report only on the N-ACTION's association
     * @param timeout    how long to wait for each report
     */
    public static ScuCommitmentCheck open(RemoteAe pacs, String callingAet, NetOptions net, SocketFactory sockets,
                                          int listenPort, Duration timeout) throws IOException {
        return open(pacs, callingAet, net, sockets, null, listenPort, timeout);
    }

    /**
     * Over TLS when {@code tls} is given (null: plain TCP): the N-ACTION's association and the listener for the
     * PACS's report association alike, so that a report asked for securely is not taken in the clear (PS3.15
     * B.1). The listener then needs {@code tls}'s key store.
     */
    public static ScuCommitmentCheck open(RemoteAe pacs, String callingAet, NetOptions net, TlsConfig tls,
                                          int listenPort, Duration timeout) throws IOException {
        return open(pacs, callingAet, net, tls == null ? SocketFactory.getDefault() : tls.socketFactory(), tls,
                listenPort, timeout);
    }

    private static ScuCommitmentCheck open(RemoteAe pacs, String callingAet, NetOptions net, SocketFactory sockets,
                                           TlsConfig tls, int listenPort, Duration timeout) throws IOException {
        CommitmentReceiver receiver = null;
        DicomServer listener = null;
        if (listenPort >= 0) {
            receiver = new CommitmentReceiver();
            StorageSink refuse = (request, data) -> {
                data.transferTo(java.io.OutputStream.nullOutputStream());
                return Status.SOP_CLASS_NOT_SUPPORTED;
            };
            DicomServer.Config config = new DicomServer.Config(callingAet, null, listenPort, Set.of(pacs.aet()), 2,
                    net);
            DicomServer.Hosting hosting = new DicomServer.Hosting(null, receiver, List.of(), AssociationObserver.NONE);
            listener = tls == null
                    ? DicomServer.start(config, refuse, ServerSocketFactory.getDefault(), hosting)
                    : DicomServer.start(config, refuse, tls, hosting);
        }
        return new ScuCommitmentCheck(new StorageCommitmentScu(pacs, callingAet, net, sockets, receiver,
                Duration.ofSeconds(1)), listener, timeout);
    }

    /** The port the report listener took, or -1 without one. */
    public int port() {
        return listener == null ? -1 : listener.port();
    }

    @Override
    public Map<String, String> uncommitted(List<SopRef> refs) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int from = 0; from < refs.size(); from += PER_REQUEST) {
            List<SopRef> part = new ArrayList<>(refs.subList(from, Math.min(refs.size(), from + PER_REQUEST)));
            CommitmentResult r = scu.commit(part, timeout);
            for (CommitmentResult.Failure f : r.failed()) {
                out.put(f.ref().sopInstanceUid(), String.format("Failure Reason %04X (%s)", f.reason(),
                        f.meaning()));
            }
            for (SopRef ref : part) {
                if (!r.isCommitted(ref.sopInstanceUid()) && !out.containsKey(ref.sopInstanceUid())) {
                    out.put(ref.sopInstanceUid(), "neither committed nor failed in the report");
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
