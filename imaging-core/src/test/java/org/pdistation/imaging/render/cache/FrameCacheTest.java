package org.pdistation.imaging.render.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;

class FrameCacheTest {
    /** A 16-bit frame of {@code rows}×4 samples whose sample i is key*1000 + i: content names its key. */
    private static FrameLoader<Integer> shorts(int rows) {
        return (key, dst) -> {
            dst.reset(rows, 4, 1, FrameBuffer.Kind.SHORT);
            for (int i = 0; i < dst.sampleCount(); i++) dst.shorts()[i] = (short) (key * 1000 + i);
            return Photometric.MONOCHROME2;
        };
    }

    private static void assertContent(int key, CachedFrame f) {
        assertEquals(key, f.key());
        for (int i = 0; i < f.sampleCount(); i++) {
            assertEquals((short) (key * 1000 + i) & 0xFFFF, f.sample(i), "sample " + i + " of frame " + key);
        }
    }

    /** Unpinned frames never hold the cache over budget: over budget only when everything retained is pinned. */
    private static void assertWithinBudget(FrameCache<?> cache) {
        CacheStats s = cache.stats();
        assertTrue(s.bytes() <= s.budget() || s.bytes() == s.pinnedBytes(), s.toString());
    }

    @Test
    void secondAcquireIsAHitWithTheSameSamples() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        try (CachedFrame f = cache.acquire(7, shorts(8))) {
            assertContent(7, f);
            assertEquals(8, f.rows());
            assertEquals(4, f.columns());
            assertEquals(64, f.byteSize());
            assertEquals(Photometric.MONOCHROME2, f.photometric());
        }
        try (CachedFrame f = cache.get(7, (k, d) -> fail("must not load again"))) {
            assertContent(7, f);
        }
        CacheStats s = cache.stats();
        assertEquals(1, s.hits());
        assertEquals(1, s.misses());
        assertEquals(64, s.bytes());
        assertEquals(0, s.pinnedBytes());
    }

    @Test
    void signedBytesAndIntsRoundTrip() throws Exception {
        FrameCache<String> cache = new FrameCache<>(1 << 20);
        try (CachedFrame f = cache.acquire("signed", (k, d) -> {
            d.reset(1, 3, 1, FrameBuffer.Kind.SHORT);
            d.shorts()[0] = -1024;
            d.shorts()[1] = 0;
            d.shorts()[2] = 3071;
            d.normalize(new org.pdistation.imaging.codec.ImageDescriptor(1, 3, 1, 16, 13, 12, true, 0,
                    Photometric.MONOCHROME2, 1));
            return Photometric.MONOCHROME2;
        })) {
            assertTrue(f.isSigned());
            assertEquals(-1024, f.sample(0));
            assertEquals(3071, f.sample(2));
            short[] out = new short[3];
            f.copyTo(out);
            assertEquals(-1024, out[0]);
            assertThrows(IllegalStateException.class, () -> f.copyTo(new byte[3]));
        }
        try (CachedFrame f = cache.acquire("rgb", (k, d) -> {
            d.reset(1, 2, 3, FrameBuffer.Kind.BYTE);
            for (int i = 0; i < 6; i++) d.bytes()[i] = (byte) (250 + i);
            return Photometric.RGB;
        })) {
            assertEquals(255, f.sample(5));
            byte[] out = new byte[6];
            f.copyTo(out);
            assertEquals((byte) 250, out[0]);
            assertEquals(Photometric.RGB, f.photometric());
            assertEquals(6, f.buffer().remaining());
        }
        try (CachedFrame f = cache.acquire("int", (k, d) -> {
            d.reset(1, 1, 1, FrameBuffer.Kind.INT);
            d.ints()[0] = -70000;
            return Photometric.MONOCHROME2;
        })) {
            int[] out = new int[1];
            f.copyTo(out);
            assertEquals(-70000, out[0]);
            assertEquals(-70000, f.sample(0));
        }
    }

    @Test
    void leastRecentlyUsedUnpinnedFrameIsEvictedFirst() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(3 * 64);
        FrameLoader<Integer> l = shorts(8);
        for (int k = 1; k <= 3; k++) cache.acquire(k, l).close();
        cache.acquire(1, l).close(); // 1 is now the most recent: 2 is the oldest
        cache.acquire(4, l).close();
        assertTrue(cache.isCached(1));
        assertFalse(cache.isCached(2));
        assertTrue(cache.isCached(3));
        assertTrue(cache.isCached(4));
        assertEquals(1, cache.stats().evictions());
        assertEquals(3 * 64, cache.stats().bytes());
    }

    @Test
    void pinnedFramesSurvivePressureAndAreEvictableOnceClosed() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(4 * 64);
        FrameLoader<Integer> l = shorts(8);
        CachedFrame a = cache.acquire(1, l);
        CachedFrame b = cache.acquire(2, l);
        for (int k = 10; k < 60; k++) {
            cache.acquire(k, l).close();
            assertWithinBudget(cache);
        }
        assertTrue(cache.isCached(1));
        assertTrue(cache.isCached(2));
        assertContent(1, a);
        assertContent(2, b);
        assertEquals(128, cache.stats().pinnedBytes());
        a.close();
        a.close(); // twice is harmless: the pin count must not go negative
        b.close();
        for (int k = 60; k < 64; k++) cache.acquire(k, l).close();
        assertFalse(cache.isCached(1));
        assertFalse(cache.isCached(2));
        assertEquals(4 * 64, cache.stats().bytes());
    }

    @Test
    void pinnedFramesBeyondTheBudgetPushOutEveryUnpinnedOne() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(2 * 64);
        FrameLoader<Integer> l = shorts(8);
        cache.acquire(100, l).close();
        List<CachedFrame> held = new ArrayList<>();
        for (int k = 0; k < 4; k++) held.add(cache.acquire(k, l));
        CacheStats s = cache.stats();
        assertEquals(4 * 64, s.bytes());
        assertEquals(s.bytes(), s.pinnedBytes());
        assertFalse(cache.isCached(100));
        for (CachedFrame f : held) f.close();
        assertWithinBudget(cache);
        assertEquals(2 * 64, cache.stats().bytes());
    }

    @Test
    void aFrameLargerThanTheBudgetIsReturnedButNotRetained() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(100);
        try (CachedFrame f = cache.acquire(5, shorts(50))) { // 400 bytes
            assertContent(5, f);
            assertEquals(0, cache.stats().bytes());
            assertFalse(cache.isCached(5));
        }
        AtomicInteger loads = new AtomicInteger();
        FrameLoader<Integer> counting = (k, d) -> {
            loads.incrementAndGet();
            return shorts(50).load(k, d);
        };
        cache.acquire(5, counting).close();
        assertEquals(1, loads.get(), "not cached, so loaded again");
        assertEquals(0, cache.stats().entries());
    }

    @Test
    void concurrentAcquiresOfOneKeyLoadOnce() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        FrameLoader<Integer> slow = (k, d) -> {
            loads.incrementAndGet();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return shorts(8).load(k, d);
        };
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                results.add(pool.submit(() -> {
                    try (CachedFrame f = cache.acquire(42, slow)) {
                        assertContent(42, f);
                        return f.sample(3);
                    }
                }));
            }
            // Every thread has either started the load or joined it before the loader may finish.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cache.stats().hits() + cache.stats().misses() < n && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            release.countDown();
            for (Future<Integer> r : results) assertEquals(42 * 1000 + 3, r.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
        assertEquals(1, cache.stats().misses());
        assertEquals(n - 1, cache.stats().hits());
        assertEquals(0, cache.stats().pinnedBytes());
    }

    @Test
    void aLoaderExceptionReachesEveryWaiterAndIsNotCached() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        IOException boom = new IOException("disk gone");
        FrameLoader<Integer> failing = (k, d) -> {
            assertTrue(release.await(10, TimeUnit.SECONDS));
            throw boom;
        };
        int n = 5;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                results.add(pool.submit(() -> {
                    try (CachedFrame f = cache.acquire(9, failing)) {
                        return null;
                    } catch (FrameLoadException e) {
                        return e.getCause();
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cache.stats().hits() + cache.stats().misses() < n && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            release.countDown();
            for (Future<Throwable> r : results) assertSame(boom, r.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cache.stats().failures());
        assertEquals(0, cache.stats().entries());
        try (CachedFrame f = cache.acquire(9, shorts(8))) {
            assertContent(9, f);
        }
        assertEquals(2, cache.stats().misses());
    }

    @Test
    void prefetchLoadsInTheBackgroundAndTheNextAcquireIsAHit() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertTrue(cache.prefetch(3, shorts(8), pool));
            assertFalse(cache.prefetch(3, shorts(8), pool), "already loading or loaded");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!cache.isCached(3) && System.nanoTime() < deadline) Thread.sleep(1);
            try (CachedFrame f = cache.acquire(3, (k, d) -> fail("prefetched"))) {
                assertContent(3, f);
            }
        } finally {
            pool.shutdown();
        }
        CacheStats s = cache.stats();
        assertEquals(1, s.prefetches());
        assertEquals(1, s.hits());
        assertEquals(0, s.misses());
    }

    @Test
    void anAcquireTakesOverAPrefetchStillInTheQueueAndTheQueuedTaskThenDoesNothing() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        List<Runnable> queue = new ArrayList<>();
        AtomicInteger loads = new AtomicInteger();
        FrameLoader<Integer> counting = (k, d) -> {
            loads.incrementAndGet();
            return shorts(8).load(k, d);
        };
        assertTrue(cache.prefetch(5, counting, queue::add)); // queued, never run yet: as after shutdownNow
        try (CachedFrame f = cache.acquire(5, counting)) {
            assertContent(5, f);
        }
        queue.forEach(Runnable::run);
        assertEquals(1, loads.get());
        assertEquals(1, cache.stats().misses());
        assertEquals(0, cache.stats().hits());
    }

    @Test
    void aRejectedPrefetchIsAFailureNotACachedEntry() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        ExecutorService dead = Executors.newSingleThreadExecutor();
        dead.shutdown();
        assertTrue(cache.prefetch(1, shorts(8), dead));
        assertEquals(1, cache.stats().failures());
        assertEquals(0, cache.stats().entries());
        cache.acquire(1, shorts(8)).close();
        assertTrue(cache.isCached(1));
    }

    @Test
    void anInterruptedWaiterLeavesNothingPinned() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            try {
                cache.acquire(1, (k, d) -> {
                    loading.countDown();
                    release.await();
                    return shorts(8).load(k, d);
                }).close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        loader.start();
        assertTrue(loading.await(10, TimeUnit.SECONDS));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> cache.acquire(1, shorts(8)));
        release.countDown();
        loader.join(10_000);
        assertEquals(0, cache.stats().pinnedBytes());
        assertTrue(cache.isCached(1));
    }

    @Test
    void clearDropsUnpinnedFramesAndKeepsPinnedOnesReadable() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(1 << 20);
        cache.acquire(1, shorts(8)).close();
        try (CachedFrame held = cache.acquire(2, shorts(8))) {
            cache.clear();
            assertEquals(0, cache.stats().entries());
            assertEquals(0, cache.stats().bytes());
            assertContent(2, held);
        }
    }

    /** Property: random acquire/close/prefetch sequences over random frame sizes never break the budget rule. */
    @Test
    void randomAccessPatternsNeverLeaveUnpinnedFramesOverBudget() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            long budget = 64L * (1 + r.nextInt(20));
            FrameCache<Integer> cache = new FrameCache<>(budget);
            // Size depends on the key only, so that a key's content is stable across reloads.
            FrameLoader<Integer> l = (k, d) -> shorts(1 + Math.floorMod(k * 7919, 23)).load(k, d);
            List<CachedFrame> held = new ArrayList<>();
            for (int op = 0; op < 400; op++) {
                int key = r.nextInt(40);
                switch (r.nextInt(4)) {
                    case 0, 1 -> cache.acquire(key, l).close();
                    case 2 -> {
                        if (held.size() < 5) held.add(cache.acquire(key, l));
                        else held.remove(r.nextInt(held.size())).close();
                    }
                    default -> cache.prefetch(key, l, Runnable::run);
                }
                assertWithinBudget(cache);
                for (CachedFrame f : held) assertContent((Integer) f.key(), f);
            }
            for (CachedFrame f : held) f.close();
            CacheStats s = cache.stats();
            assertTrue(s.bytes() <= budget, "seed " + seed + ": " + s);
            assertEquals(0, s.pinnedBytes());
        }
    }

    /** Several decode threads and a checker: the rule holds at every snapshot, contents always match keys. */
    @Test
    void concurrentRandomAccessKeepsTheBudgetAndTheContent() throws Exception {
        FrameCache<Integer> cache = new FrameCache<>(10 * 64);
        FrameLoader<Integer> l = shorts(8);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        ExecutorService prefetcher = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch done = new CountDownLatch(threads);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                work.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    try {
                        for (int i = 0; i < 3000; i++) {
                            int key = r.nextInt(30);
                            if (r.nextInt(5) == 0) cache.prefetch(key + 1, l, prefetcher);
                            try (CachedFrame f = cache.acquire(key, l)) {
                                assertContent(key, f);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                    return null;
                }));
            }
            Future<?> checker = pool.submit(() -> {
                while (done.getCount() > 0) assertWithinBudget(cache);
                return null;
            });
            for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
            checker.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            prefetcher.shutdown();
            assertTrue(prefetcher.awaitTermination(10, TimeUnit.SECONDS));
        }
        CacheStats s = cache.stats();
        assertTrue(s.bytes() <= s.budget(), s.toString());
        assertEquals(0, s.pinnedBytes());
        assertEquals(threads * 3000L, s.hits() + s.misses());
    }
}
