package org.pdistation.imaging.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Verification and Storage SCP: listens on a port, runs each association on a thread of its own (platform or
 * virtual: {@link AssociationThreads}), and puts received instances into a {@link StorageSink}. One peer's errors end
 * only its own association.
 */
public final class DicomServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);

    /**
     * @param aet             our AE title
     * @param bindHost        address to listen on, null for all
     * @param port            port, 0 for any free one
     * @param allowedCalling  calling AE titles allowed; empty allows all
     * @param maxAssociations most associations served at once; more are rejected (transient, local limit)
     * @param options         PDU size and timeouts
     * @param authenticator   checks the User Identity of each association (PS3.7 D.3.3.7); null for none
     * @param alsoCalled      further called AE titles accepted besides {@code aet} (e.g. {@code BURN_CD})
     * @param threads         the kind of thread each association runs on
     */
    public record Config(String aet, String bindHost, int port, Set<String> allowedCalling, int maxAssociations,
                         NetOptions options, UserAuthenticator authenticator, Set<String> alsoCalled,
                         AssociationThreads threads) {
        public Config(String aet, String bindHost, int port, Set<String> allowedCalling, int maxAssociations,
                      NetOptions options) {
            this(aet, bindHost, port, allowedCalling, maxAssociations, options, null);
        }

        public Config(String aet, String bindHost, int port, Set<String> allowedCalling, int maxAssociations,
                      NetOptions options, UserAuthenticator authenticator) {
            this(aet, bindHost, port, allowedCalling, maxAssociations, options, authenticator, Set.of());
        }

        public Config(String aet, String bindHost, int port, Set<String> allowedCalling, int maxAssociations,
                      NetOptions options, UserAuthenticator authenticator, Set<String> alsoCalled) {
            this(aet, bindHost, port, allowedCalling, maxAssociations, options, authenticator, alsoCalled,
                    AssociationThreads.PLATFORM);
        }

        /** The same configuration with associations on {@code kind} threads. */
        public Config withThreads(AssociationThreads kind) {
            return new Config(aet, bindHost, port, allowedCalling, maxAssociations, options, authenticator, alsoCalled,
                    kind);
        }

        public Config {
            RemoteAe.checkAet(aet);
            allowedCalling = Set.copyOf(allowedCalling);
            alsoCalled = alsoCalled == null ? Set.of() : Set.copyOf(alsoCalled);
            threads = threads == null ? AssociationThreads.PLATFORM : threads;
            if (maxAssociations < 1) {
                throw new IllegalArgumentException("maxAssociations must be at least 1");
            }
        }
    }

    /**
     * What a server hosts beside Verification and Storage.
     *
     * @param commitment Storage Commitment SCP policy (N-ACTION served), or null
     * @param receiver   receives N-EVENT-REPORTs on associations a commitment SCP opens to us, or null
     * @param services   further DIMSE services, e.g. Query/Retrieve (PS3.4 C)
     * @param observer   told about every association when it ends (audit)
     * @param secureSockets sockets for associations the server opens itself (a Storage Commitment report) when
     *                   the association that asked for it was TLS: the same TLS configuration, so that nothing
     *                   asked for securely is answered in the clear; null when the server has none (such a report
     *                   is then not sent on a new association)
     */
    public record Hosting(CommitmentPolicy commitment, CommitmentReceiver receiver, List<DimseService> services,
                          AssociationObserver observer, SocketFactory secureSockets) {
        public static final Hosting NONE = new Hosting(null, null, List.of(), AssociationObserver.NONE);

        public Hosting {
            services = List.copyOf(services);
            observer = observer == null ? AssociationObserver.NONE : observer;
        }

        /** Without TLS sockets of our own. */
        public Hosting(CommitmentPolicy commitment, CommitmentReceiver receiver, List<DimseService> services,
                       AssociationObserver observer) {
            this(commitment, receiver, services, observer, null);
        }

        public Hosting withSecureSockets(SocketFactory sockets) {
            return new Hosting(commitment, receiver, services, observer, sockets);
        }
    }

    private final Config config;
    private final StorageSink sink;
    private final ServerSocket server;
    private final Semaphore slots;
    private final ScpPolicy policy;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptThread;
    private final CommitmentScp commitmentScp;
    private final CommitmentReceiver commitmentReceiver;
    private final Map<String, DimseService> services;
    private final AssociationObserver observer;
    private volatile boolean closing;

    private DicomServer(Config config, StorageSink sink, ServerSocket server, Hosting hosting) {
        this.config = config;
        this.sink = sink;
        this.server = server;
        this.slots = new Semaphore(config.maxAssociations());
        this.commitmentScp = hosting.commitment() == null ? null
                : new CommitmentScp(hosting.commitment(), config.aet(), config.options(), hosting.secureSockets());
        this.commitmentReceiver = hosting.receiver();
        this.policy = new ScpPolicy(config.aet(), config.allowedCalling(), config.options().maxPduLength(),
                hosting.commitment() != null, hosting.receiver() != null, config.authenticator(),
                config.alsoCalled());
        Map<String, DimseService> bySopClass = new HashMap<>();
        for (DimseService d : hosting.services()) {
            for (String sopClass : d.sopClasses()) {
                bySopClass.put(sopClass, d);
            }
        }
        this.services = Map.copyOf(bySopClass);
        this.observer = hosting.observer();
        this.acceptThread = Thread.ofVirtual().name("dicom-accept-" + server.getLocalPort()).unstarted(this::acceptLoop);
    }

    public static DicomServer start(Config config, StorageSink sink) throws IOException {
        return start(config, sink, ServerSocketFactory.getDefault());
    }

    /** Starts listening; with an SSLServerSocketFactory the server speaks DICOM over TLS (PS3.15 B.1). */
    public static DicomServer start(Config config, StorageSink sink, ServerSocketFactory factory) throws IOException {
        return start(config, sink, factory, Hosting.NONE);
    }

    /**
     * As {@link #start(Config, StorageSink, ServerSocketFactory)}, also serving Storage Commitment (PS3.4 J): as
     * its SCP when {@code commitment} is given (N-ACTION), and as its SCU receiving N-EVENT-REPORTs on associations
     * the SCP opens to us when {@code receiver} is given. Either may be null.
     */
    public static DicomServer start(Config config, StorageSink sink, ServerSocketFactory factory,
                                    CommitmentPolicy commitment, CommitmentReceiver receiver) throws IOException {
        return start(config, sink, factory, new Hosting(commitment, receiver, List.of(), AssociationObserver.NONE));
    }

    /**
     * Like {@link #start(Config, StorageSink, ServerSocketFactory)}, also hosting {@code services} (e.g.
     * Query/Retrieve) and telling {@code observer} about every association when it ends.
     */
    public static DicomServer start(Config config, StorageSink sink, ServerSocketFactory factory,
                                    List<DimseService> services, AssociationObserver observer) throws IOException {
        return start(config, sink, factory, new Hosting(null, null, services, observer));
    }

    /**
     * DICOM over TLS (PS3.15 B.1) with {@code tls}: the listening sockets, and the client sockets of associations
     * the server opens itself (Storage Commitment reports to a TLS requestor).
     */
    public static DicomServer start(Config config, StorageSink sink, TlsConfig tls, Hosting hosting)
            throws IOException {
        return start(config, sink, tls.serverSocketFactory(), hosting.withSecureSockets(tls.socketFactory()));
    }

    /** Starts listening with everything {@code hosting} names served beside Verification and Storage. */
    public static DicomServer start(Config config, StorageSink sink, ServerSocketFactory factory, Hosting hosting)
            throws IOException {
        // Plain TCP listens through a ServerSocketChannel, so that every accepted socket has a channel and received
        // data sets go from the network to their files through a direct buffer (PduInput); TLS keeps its sockets.
        ServerSocket ss = factory == ServerSocketFactory.getDefault() ? ServerSocketChannel.open().socket()
                : factory.createServerSocket();
        try {
            ss.setReuseAddress(true);
            InetAddress bind = config.bindHost() == null ? null : InetAddress.getByName(config.bindHost());
            ss.bind(new InetSocketAddress(bind, config.port()), 128);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        DicomServer s = new DicomServer(config, sink, ss, hosting);
        s.acceptThread.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Associations (and connections still negotiating) being served now. */
    public int activeAssociations() {
        return active.get();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("accept failed on port {}: {}", port(), e.getMessage());
                }
                continue;
            }
            active.incrementAndGet();
            sockets.add(s);
            boolean slot = slots.tryAcquire();
            try {
                config.threads().builder(slot).name("dicom-assoc-" + s.getRemoteSocketAddress()).start(() -> {
                    try {
                        serve(s, slot);
                    } finally {
                        sockets.remove(s);
                        closeQuietly(s);
                        active.decrementAndGet();
                    }
                });
            } catch (OutOfMemoryError | RuntimeException e) {
                // No thread to be had ("unable to create native thread"): this connection is dropped, the server
                // goes on accepting.
                LOG.warn("no thread for the association from {}: {}", s.getRemoteSocketAddress(), e.toString());
                if (slot) {
                    slots.release();
                }
                sockets.remove(s);
                closeQuietly(s);
                active.decrementAndGet();
            }
        }
    }

    /** @param slot whether the association is within the limit (its permit is released here) */
    private void serve(Socket s, boolean slot) {
        Instant start = Instant.now();
        String[] aets = new String[2];
        Map<CommandField, Integer> requests = new EnumMap<>(CommandField.class);
        String outcome = "released";
        try {
            AssociationAcceptor base = services.isEmpty() ? policy : new ServicePolicy(policy, services);
            AssociationAcceptor acceptor = slot ? base
                    : rq -> AssociateRj.of(AssociateRj.Result.TRANSIENT, AssociateRj.Reason.LOCAL_LIMIT_EXCEEDED);
            AssociationAcceptor recording = rq -> {
                aets[0] = rq.callingAet();
                aets[1] = rq.calledAet();
                return acceptor.negotiate(rq);
            };
            Association a = Association.accept(s, config.options(), recording);
            if (a == null) {
                outcome = "rejected";
                return;
            }
            try {
                serviceLoop(a, requests);
            } finally {
                a.close();
            }
        } catch (IOException | RuntimeException e) {
            outcome = (e instanceof AssociationAbortedException ? "aborted: " : "failed: ") + Association.why(e);
            LOG.info("association from {} ended: {}", s.getRemoteSocketAddress(), Association.why(e));
        } finally {
            if (slot) {
                slots.release();
            }
            try {
                observer.ended(new AssociationObserver.Summary(start, Instant.now(), aets[0], aets[1],
                        String.valueOf(s.getRemoteSocketAddress()), requests, outcome));
            } catch (RuntimeException e) {
                LOG.warn("association observer failed: {}", e.getMessage());
            }
        }
    }

    private void serviceLoop(Association a, Map<CommandField, Integer> requests) throws IOException {
        while (true) {
            Association.Command c = a.readCommand();
            if (c == null) {
                return;
            }
            Dataset cmd = c.command();
            CommandField field = Commands.field(cmd);
            if (field != null && !field.isResponse()) {
                requests.merge(field, 1, Integer::sum);
            }
            PresentationContext pc = a.contexts().get(c.contextId());
            DimseService service = pc == null ? null : services.get(pc.abstractSyntax());
            if (service != null && field != null && !field.isResponse() && field != CommandField.C_CANCEL_RQ) {
                service.handle(a, c);
            } else if (field == CommandField.C_ECHO_RQ) {
                a.sendCommand(c.contextId(), Commands.response(cmd, Status.SUCCESS));
            } else if (field == CommandField.C_STORE_RQ) {
                a.sendCommand(c.contextId(), store(a, c));
            } else if (field == CommandField.N_ACTION_RQ && commitmentScp != null) {
                commitmentScp.serve(a, c);
            } else if (field == CommandField.N_EVENT_REPORT_RQ && commitmentReceiver != null) {
                commitmentReceiver.serve(a, c);
            } else if (field == CommandField.C_CANCEL_RQ) {
                // PS3.7 9.3.2.3: a C-CANCEL has no response; nothing of ours is cancellable.
                drainIfData(a, cmd);
            } else {
                drainIfData(a, cmd);
                if (field != null && !field.isResponse()) {
                    a.sendCommand(c.contextId(), Commands.response(cmd, Status.UNRECOGNIZED_OPERATION));
                }
            }
        }
    }

    private Dataset store(Association a, Association.Command c) throws IOException {
        Dataset cmd = c.command();
        PresentationContext pc = a.contexts().get(c.contextId());
        String sopClass = cmd.getString(Tag.AffectedSOPClassUID);
        String instance = cmd.getString(Tag.AffectedSOPInstanceUID);
        Status status;
        String comment = null;
        if (!Commands.hasDataSet(cmd)) {
            status = Status.CANNOT_UNDERSTAND;
            comment = "C-STORE-RQ without data set";
        } else if (sopClass == null || !sopClass.equals(pc.abstractSyntax())) {
            a.readData();
            status = Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
            comment = "SOP class " + sopClass + " on a context for " + pc.abstractSyntax();
        } else {
            var rq = new StorageSink.StoreRequest(a.callingAet(), a.calledAet(), sopClass, instance,
                    pc.transferSyntax());
            try (InputStream data = a.dataStream()) {
                status = sink.store(rq, data);
            } catch (AssociationAbortedException e) {
                throw e;
            } catch (IOException e) {
                if (!a.isOpen()) {
                    throw e;
                }
                // A local storage problem (disk full, permissions): the peer gets a failure status, not an abort.
                status = Status.OUT_OF_RESOURCES;
                comment = e.getMessage();
            }
        }
        Dataset rsp = Commands.response(cmd, status);
        if (comment != null) {
            String text = comment.length() > 64 ? comment.substring(0, 64) : comment;
            rsp.setString(Tag.ErrorComment, VR.LO, text);
        }
        return rsp;
    }

    private static void drainIfData(Association a, Dataset cmd) throws IOException {
        if (Commands.hasDataSet(cmd)) {
            a.readData();
        }
    }

    /** Stops listening and ends every association in progress. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(server);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        try {
            acceptThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
