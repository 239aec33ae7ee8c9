package org.pdistation.imaging.net;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import javax.net.SocketFactory;

/**
 * Storage SCU (PS3.4 Annex B): sends {@link StoreSource}s (files as they are, or data sets assembled on the fly)
 * over one or several parallel associations. Each SOP class is proposed in the source's own transfer syntax and in
 * Explicit and Implicit VR Little Endian; a source whose own syntax the peer refuses is transcoded and sent
 * uncompressed (its result notes it). Transient failures (no connection, transient rejection, association lost,
 * A7xx out of resources) are retried on a new association after a back-off, as {@link Retry} says.
 */
public final class StoreScu {
    /** The outcome for one source; {@code transientFailure} only for a failure a later retry may cure. */
    public record Sent(StoreSource source, StoreResult result, boolean transientFailure) {
    }

    /**
     * @param attempts how many times a transient failure is retried (0: never)
     * @param backoff  the wait before the first retry; it doubles for each further one
     */
    public record Retry(int attempts, Duration backoff) {
        public static final Retry NONE = new Retry(0, Duration.ZERO);
        /** Two retries, after 1 s and 2 s: a PACS restarting or briefly out of resources. */
        public static final Retry DEFAULT = new Retry(2, Duration.ofSeconds(1));

        public Retry {
            if (attempts < 0 || attempts > 20 || backoff.isNegative()) {
                throw new IllegalArgumentException("retry attempts 0..20 and a non-negative back-off");
            }
        }

        Duration delay(int attempt) {
            return backoff.multipliedBy(1L << Math.min(attempt, 16));
        }
    }

    private final Requestor requestor;
    private final Retry retry;

    public StoreScu(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, SocketFactory.getDefault());
    }

    /** With a socket factory, e.g. {@link TlsConfig#socketFactory()}. */
    public StoreScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets) {
        this(new Requestor(target, callingAet, options, sockets, null), Retry.NONE);
    }

    /** With the shared association setup (sockets, User Identity) and a retry policy. */
    public StoreScu(Requestor requestor, Retry retry) {
        this.requestor = requestor;
        this.retry = retry;
    }

    /**
     * Sends every file as it is; one result per file, in no particular order across associations. {@code listener}
     * is called from the sending threads as each result is final (it must be thread-safe). Each association's
     * thread reads the headers of its own share, so that reading overlaps sending.
     */
    public List<StoreResult> store(List<Path> files, int associations, Consumer<StoreResult> listener)
            throws InterruptedException {
        ConcurrentLinkedQueue<StoreResult> results = new ConcurrentLinkedQueue<>();
        Consumer<StoreResult> sink = r -> {
            results.add(r);
            listener.accept(r);
        };
        inParallel(shares(files, associations), share -> {
            List<StoreSource> sources = new ArrayList<>();
            for (Path f : share) {
                try {
                    sources.add(StoreSource.of(f));
                } catch (IOException | RuntimeException e) {
                    sink.accept(new StoreResult(f, null, null, "cannot read: " + e.getMessage()));
                }
            }
            sendWithRetries(sources, s -> sink.accept(s.result()));
        });
        return List.copyOf(results);
    }

    /**
     * Sends every source over up to {@code associations} parallel associations, each source getting exactly one
     * final result through {@code listener} (called from the sending threads; it must be thread-safe).
     */
    public void send(List<? extends StoreSource> sources, int associations, Consumer<Sent> listener)
            throws InterruptedException {
        inParallel(StoreScu.<StoreSource>shares(sources, associations), share -> sendWithRetries(share, listener));
    }

    /** Round-robin shares, one per association: a series' neighbouring (similar-sized) files are spread evenly. */
    private static <T> List<List<T>> shares(List<? extends T> items, int associations) {
        int n = Math.max(1, Math.min(associations, items.size()));
        List<List<T>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            shares.get(i % n).add(items.get(i));
        }
        return shares;
    }

    /** One share on the caller's thread, several each on its own thread. */
    private static <T> void inParallel(List<List<T>> shares, Consumer<List<T>> work) throws InterruptedException {
        if (shares.size() == 1) {
            work.accept(shares.get(0));
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (List<T> share : shares) {
            // Platform threads: few, and each can hand file bytes to its socket with sendfile (Association).
            threads.add(Thread.ofPlatform().daemon().name("store-scu").start(() -> work.accept(share)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * One association (or more when the sources need more than 128 presentation contexts) for {@code sources},
     * no retries here: for a caller that keeps its own retry schedule (e.g. an import journal).
     */
    public void storeOn(List<? extends StoreSource> sources, Consumer<Sent> results) {
        List<? extends StoreSource> rest = sources;
        while (!rest.isEmpty()) {
            rest = StoreAssociation.run(requestor, rest, results);
        }
    }

    private void sendWithRetries(List<StoreSource> sources, Consumer<Sent> listener) {
        List<StoreSource> todo = sources;
        for (int attempt = 0; !todo.isEmpty(); attempt++) {
            boolean last = attempt >= retry.attempts();
            List<StoreSource> again = new ArrayList<>();
            storeOn(todo, s -> {
                if (s.transientFailure() && !last) {
                    again.add(s.source());
                } else {
                    listener.accept(s);
                }
            });
            if (!again.isEmpty()) {
                try {
                    Thread.sleep(retry.delay(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    again.forEach(s -> listener.accept(StoreAssociation.fail(s, "interrupted before retrying",
                            true)));
                    return;
                }
            }
            todo = again;
        }
    }
}
