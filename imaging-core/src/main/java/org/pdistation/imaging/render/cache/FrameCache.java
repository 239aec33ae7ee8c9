package org.pdistation.imaging.render.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;

/**
 * Decoded frames under a byte budget, shared by decode threads and the UI thread.
 *
 * <ul>
 * <li>{@link #acquire} returns a pinned {@link CachedFrame}; pinned frames are never evicted.</li>
 * <li>Unpinned frames are evicted least recently used first whenever the retained bytes exceed the budget, so
 * after every operation either the retained bytes are within the budget or every retained frame is pinned.</li>
 * <li>One load per key at a time: a caller that finds a load in progress waits for it. A failed load is not
 * cached: every waiter gets a {@link FrameLoadException} with the loader's exception as cause, and the next
 * acquire tries again.</li>
 * <li>A frame larger than the whole budget is returned (pinned) but not retained: it is gone once its last handle
 * closes.</li>
 * </ul>
 *
 * <p>Locking: one lock guards the map and the counters and is never held while decoding or copying, so a slow
 * decode never blocks hits on other frames.
 */
public final class FrameCache<K> {
    /** One key's slot: the load's future, how many handles (or waiters) pin it, and whether it is counted. */
    static final class Entry<K> {
        final K key;
        final CompletableFuture<Frame> future = new CompletableFuture<>();
        /** Set by whoever runs the load: a queued prefetch, or an acquire that will not wait behind the queue. */
        final AtomicBoolean claimed = new AtomicBoolean();
        int pins;
        Frame frame;
        /** In the map and counted in {@code bytes}. */
        boolean retained;
        /** Out of the map (evicted, failed, too large, cleared): its frame lives only as long as its handles. */
        boolean removed;

        Entry(K key) {
            this.key = key;
        }
    }

    private final long budget;
    private final ReentrantLock lock = new ReentrantLock();
    /** Access order: iteration starts at the least recently used entry. */
    private final LinkedHashMap<K, Entry<K>> map = new LinkedHashMap<>(64, 0.75f, true);
    /** Decode scratch per thread, so that loads allocate nothing on the heap once warmed up. */
    private final ThreadLocal<FrameBuffer> scratch = ThreadLocal.withInitial(FrameBuffer::new);
    private long bytes;
    private long hits;
    private long misses;
    private long prefetches;
    private long evictions;
    private long failures;

    public FrameCache(long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("negative budget " + budgetBytes);
        this.budget = budgetBytes;
    }

    public long budget() { return budget; }

    /**
     * The frame for {@code key}, loading it with {@code loader} on this thread unless it is cached or being
     * loaded. The returned handle pins the frame until closed.
     *
     * @throws FrameLoadException   the load (this caller's or the one it waited for) failed
     * @throws InterruptedException interrupted while waiting for another thread's load; nothing stays pinned
     */
    public CachedFrame acquire(K key, FrameLoader<K> loader) throws FrameLoadException, InterruptedException {
        Entry<K> e;
        boolean mine = false;
        lock.lock();
        try {
            e = map.get(key);
            if (e == null) {
                e = new Entry<>(key);
                map.put(key, e);
            }
            // A prefetch still in the executor's queue is taken over: the caller needs the frame now, and a task
            // the executor drops (shutdownNow, a discarding policy) must not leave the key loading forever.
            mine = e.claimed.compareAndSet(false, true);
            if (mine) misses++;
            else hits++;
            e.pins++;
        } finally {
            lock.unlock();
        }
        if (mine) load(e, loader);
        try {
            return new CachedFrame(this, e, e.future.get());
        } catch (ExecutionException ex) {
            unpin(e);
            throw new FrameLoadException(key, ex.getCause());
        } catch (InterruptedException ex) {
            unpin(e);
            throw ex;
        }
    }

    /** Same as {@link #acquire}. */
    public CachedFrame get(K key, FrameLoader<K> loader) throws FrameLoadException, InterruptedException {
        return acquire(key, loader);
    }

    /**
     * Starts loading {@code key} on {@code executor} unless it is cached or being loaded. The frame is not pinned:
     * it is retained like any other until evicted. A rejected task counts as a failed load.
     *
     * @return whether a load was started
     */
    public boolean prefetch(K key, FrameLoader<K> loader, Executor executor) {
        Entry<K> e;
        lock.lock();
        try {
            if (map.containsKey(key)) return false;
            e = new Entry<>(key);
            map.put(key, e);
            prefetches++;
        } finally {
            lock.unlock();
        }
        try {
            executor.execute(() -> claimAndLoad(e, loader));
        } catch (RejectedExecutionException ex) {
            // Unless an acquire already took the load over, nobody will run it: fail it so waiters do not hang.
            if (e.claimed.compareAndSet(false, true)) fail(e, ex);
        }
        return true;
    }

    /** Whether {@code key} is retained and loaded now (for tests and the prefetch policy; does not touch LRU). */
    public boolean isCached(K key) {
        lock.lock();
        try {
            Entry<K> e = map.containsKey(key) ? peek(key) : null;
            return e != null && e.retained;
        } finally {
            lock.unlock();
        }
    }

    private Entry<K> peek(K key) {
        // LinkedHashMap.get reorders in access order; walk instead so that peeking is not a use.
        for (Entry<K> e : map.values()) {
            if (e.key.equals(key)) return e;
        }
        return null;
    }

    public CacheStats stats() {
        lock.lock();
        try {
            long pinned = 0;
            for (Entry<K> e : map.values()) {
                if (e.retained && e.pins > 0) pinned += e.frame.byteSize();
            }
            return new CacheStats(hits, misses, prefetches, evictions, failures, map.size(), bytes, pinned, budget);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every unpinned frame now; pinned ones are dropped when their last handle closes. */
    public void clear() {
        lock.lock();
        try {
            for (Iterator<Entry<K>> it = map.values().iterator(); it.hasNext(); ) {
                Entry<K> e = it.next();
                if (e.frame == null) continue; // loading or queued: the load completes it; it stays findable
                it.remove();
                drop(e);
            }
        } finally {
            lock.unlock();
        }
    }

    // ----- internals --------------------------------------------------------------------------------------

    /** Runs the load unless someone else has claimed it (the prefetch task after an acquire took it over). */
    private void claimAndLoad(Entry<K> e, FrameLoader<K> loader) {
        if (e.claimed.compareAndSet(false, true)) load(e, loader);
    }

    private void load(Entry<K> e, FrameLoader<K> loader) {
        Frame f;
        try {
            FrameBuffer buf = scratch.get();
            Photometric p = loader.load(e.key, buf);
            f = Frame.copyOf(buf, p);
        } catch (Throwable t) {
            // Throwable: an OutOfMemoryError or a codec bug must reach the waiters, not leave them hanging.
            fail(e, t);
            return;
        }
        lock.lock();
        try {
            e.frame = f;
            if (!e.removed && f.byteSize() <= budget) {
                e.retained = true;
                bytes += f.byteSize();
                evict();
            } else {
                removeFromMap(e);
                e.removed = true;
            }
        } finally {
            lock.unlock();
        }
        e.future.complete(f);
    }

    private void fail(Entry<K> e, Throwable t) {
        lock.lock();
        try {
            failures++;
            removeFromMap(e);
            e.removed = true;
        } finally {
            lock.unlock();
        }
        e.future.completeExceptionally(t);
    }

    void unpin(Entry<?> entry) {
        @SuppressWarnings("unchecked")
        Entry<K> e = (Entry<K>) entry;
        lock.lock();
        try {
            e.pins--;
            if (e.pins == 0 && e.retained) evict();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: evicts unpinned frames, oldest use first, until within budget. Dropping the last reference
     * frees the direct buffer (see {@link Frame} on why not an explicitly closed arena).
     */
    private void evict() {
        if (bytes <= budget) return;
        for (Iterator<Entry<K>> it = map.values().iterator(); it.hasNext() && bytes > budget; ) {
            Entry<K> e = it.next();
            if (e.pins == 0 && e.retained) {
                it.remove();
                drop(e);
                evictions++;
            }
        }
    }

    private void drop(Entry<K> e) {
        if (e.retained) bytes -= e.frame.byteSize();
        e.retained = false;
        e.removed = true;
    }

    private void removeFromMap(Entry<K> e) {
        // Only this entry: a later load of the same key may already have replaced it.
        map.remove(e.key, e);
    }
}
