package org.pdistation.viewer.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.pdistation.importer.medium.MountWatcher;
import org.pdistation.viewer.view.RenderEngine;

/**
 * Polls the mount parents on a background thread and reports the DICOM media mounted now whenever that set changes
 * (a disc inserted, a stick pulled out). Each poll asks a fresh {@link MountWatcher} for every root that holds DICOM
 * data, rather than only the new ones, so that a medium is also seen to go away, and a mount folder that was still
 * empty at one poll (the desktop creates it before the file system is mounted on it) is reported once filled.
 * Only directory listings and file heads are read; nothing on a medium is opened or run (PDI-REQUIREMENTS 7).
 */
public final class MediaMonitor implements AutoCloseable {
    /** Changes of the detected media, as seen by the listener. */
    public record Change(List<DetectedMedium> now, List<DetectedMedium> added, List<DetectedMedium> removed) {
        public Change {
            now = List.copyOf(now);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    private final List<Path> parents;
    private final ScheduledExecutorService poller;
    private final Map<Path, DetectedMedium> known = new LinkedHashMap<>(); // touched by the poller thread only
    private ScheduledFuture<?> task;
    private volatile boolean closed;

    /** @param parents folders whose sub-folders are mount points (see {@link MountWatcher#forPlatform()}) */
    public MediaMonitor(List<Path> parents) {
        this.parents = List.copyOf(parents);
        ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(1, RenderEngine.daemonThreads("pdistation-mounts"));
        p.setRemoveOnCancelPolicy(true);
        this.poller = p;
    }

    /** The usual mount parents of this platform for the current user (those MountWatcher watches). */
    public static List<Path> platformParents() {
        String user = System.getProperty("user.name", "");
        return List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/media"), Path.of("/mnt"),
                Path.of("/Volumes"));
    }

    /**
     * Starts polling every {@code interval}; {@code listener} runs through {@code deliver} (the FX thread) for the
     * first poll that finds media and for every change after it.
     */
    public synchronized void start(Duration interval, Executor deliver, Consumer<Change> listener) {
        if (task != null) return;
        task = poller.scheduleWithFixedDelay(() -> {
            Change c = poll();
            if (c != null) deliver.execute(() -> {
                if (!closed) listener.accept(c);
            });
        }, 0, Math.max(50, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** One poll: the change since the previous one, or null when nothing changed. */
    Change poll() {
        List<Path> roots;
        try {
            roots = new MountWatcher(parents).poll(); // a fresh watcher reports every DICOM root mounted now
        } catch (RuntimeException e) {
            return null; // a mount table in flux: the next poll sees it settled
        }
        Map<Path, DetectedMedium> now = new LinkedHashMap<>();
        for (Path r : roots) now.put(r, known.containsKey(r) ? known.get(r) : DetectedMedium.at(r));
        List<DetectedMedium> added = new ArrayList<>();
        for (Map.Entry<Path, DetectedMedium> e : now.entrySet()) {
            if (!known.containsKey(e.getKey())) added.add(e.getValue());
        }
        List<DetectedMedium> removed = new ArrayList<>();
        for (Map.Entry<Path, DetectedMedium> e : known.entrySet()) {
            if (!now.containsKey(e.getKey())) removed.add(e.getValue());
        }
        if (added.isEmpty() && removed.isEmpty()) return null;
        known.clear();
        known.putAll(now);
        return new Change(List.copyOf(now.values()), added, removed);
    }

    /** Stops polling; a poll under way finishes, and nothing more is delivered after it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (task != null) task.cancel(false);
        poller.shutdownNow();
    }
}
