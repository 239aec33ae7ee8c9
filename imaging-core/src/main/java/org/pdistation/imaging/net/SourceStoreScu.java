package org.pdistation.imaging.net;

import java.util.List;
import java.util.function.Consumer;

import javax.net.SocketFactory;

/**
 * The media importer's view of {@link StoreScu}: one call, one association (more only when the sources need more
 * than 128 presentation contexts), no retries of its own, each result saying whether the failure is transient
 * (worth retrying later: no connection, association rejected transient or lost, A7xx out of resources).
 */
public final class SourceStoreScu {
    /** The outcome for one source; {@code transientFailure} only for failures a later retry may cure. */
    public record Result(StoreSource source, StoreResult result, boolean transientFailure) {}

    private final StoreScu scu;

    public SourceStoreScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets) {
        this.scu = new StoreScu(new Requestor(target, callingAet, options, sockets, null), StoreScu.Retry.NONE);
    }

    /** Sends {@code sources}; every source gets exactly one result whatever happens. */
    public void storeOn(List<? extends StoreSource> sources, Consumer<Result> results) {
        scu.storeOn(sources, s -> results.accept(new Result(s.source(), s.result(), s.transientFailure())));
    }
}
