package org.pdistation.viewer.view;

import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.pdistation.imaging.render.series.SeriesLoader;
import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.imaging.render.series.Stack;
import org.pdistation.viewer.model.SeriesEntry;

/**
 * A viewport's render thread (ARCHITECTURE decision 5: nothing heavy on the FX thread). Requests are "newest wins":
 * while a slice renders, further requests replace each other and only the last one is drawn, so fast wheel
 * scrolling never queues up stale frames. Slices are rendered into a ring of three staging buffers and handed to the
 * FX thread, which only copies the newest ready one into the on-screen PixelBuffer; a buffer is reused only when it
 * is neither waiting nor being copied, so the render thread never waits for the FX thread.
 */
final class RenderLoop implements AutoCloseable {
    /** One render request, captured on the FX thread; {@code placement} null when Prism scales (see ScalingMode). */
    record Request(int index, int direction, WindowLevel window, boolean invert, Placement placement) {}

    private final SliceRenderer renderer;
    private final ThreadPoolExecutor thread;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private volatile List<SliceInfo> slices = List.of();
    private volatile org.pdistation.viewer.tools.CineRate cineRate;
    /** Three staging buffers (see {@link #freeBuffer}); each grown by the render thread while it owns it. */
    private final ByteBuffer[] staging = {ByteBuffer.allocateDirect(4), ByteBuffer.allocateDirect(4),
            ByteBuffer.allocateDirect(4)};
    /**
     * Little-endian int views of {@link #staging}, made when a buffer is (re)made rather than per frame; render
     * thread only.
     */
    private final IntBuffer[] stagingInts = new IntBuffer[3];
    private final ByteBuffer[] stagingViewed = new ByteBuffer[3];
    /** The slice at its own size before our scaling (ScalingMode.OWN only), on the heap; render thread only. */
    private IntBuffer unscaled = IntBuffer.allocate(1);
    private final ImageResampler resampler = new ImageResampler();
    private final FrameStages stages;
    private final long[] mark = new long[2];
    private final Object handOver = new Object();
    /** Guarded by {@link #handOver}: the slice waiting for the FX thread, and the buffer the FX thread copies. */
    private Staged ready;
    private int copying = -1;

    RenderLoop(RenderEngine engine, java.util.Locale locale) {
        this.renderer = new SliceRenderer(engine, locale);
        this.stages = engine.stages();
        // One thread, a short queue of wake-ups; a wake-up dropped when the queue is full is harmless, since every
        // queued one takes whatever request is newest.
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4),
                RenderEngine.daemonThreads("pdistation-render"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Reads the series' headers and sorts its slices (primary stack), then calls {@code done} on the FX thread. */
    void load(SeriesEntry series, BiConsumer<List<SliceInfo>, ImageProblem> done) {
        pending.set(null);
        thread.execute(() -> {
            List<SliceInfo> loaded = List.of();
            ImageProblem problem = null;
            try {
                SeriesLoader.Result r = new SeriesLoader().load(series.files());
                if (!r.series().isEmpty()) {
                    Stack primary = r.series().get(0).geometry().primary();
                    loaded = primary != null ? primary.slices() : r.series().get(0).geometry().allSlices();
                } else if (!r.broken().isEmpty()) {
                    SeriesLoader.BrokenFile b = r.broken().get(0);
                    problem = new ImageProblem(ImageProblem.Kind.FAILED, b.path(), b.reason());
                } else if (!r.skipped().isEmpty()) {
                    // readable instances without Rows/Columns: reports, presentation states, key objects
                    Path f = r.skipped().get(0);
                    problem = new ImageProblem(ImageProblem.Kind.NO_IMAGE, f, f + ": no image (no Rows/Columns)");
                }
            } catch (RuntimeException e) {
                problem = ImageProblem.of(series.files().isEmpty() ? null : series.files().get(0), e);
            }
            slices = loaded;
            cineRate = loaded.isEmpty() ? null : cineRate(loaded);
            List<SliceInfo> result = loaded;
            ImageProblem p = problem;
            Platform.runLater(() -> done.accept(result, p));
        });
    }

    /** The slices of the loaded series, in display order. */
    List<SliceInfo> slices() { return slices; }

    /** The cine timing of the loaded series (read with it; null before a load). */
    org.pdistation.viewer.tools.CineRate cineRate() { return cineRate; }

    /** The timing from the first image's header: a multi-frame file's own, or the stack's first image's. */
    private static org.pdistation.viewer.tools.CineRate cineRate(List<SliceInfo> loaded) {
        org.pdistation.imaging.data.Dataset header = null;
        try {
            header = org.pdistation.imaging.io.DicomReader.read(loaded.get(0).ref().path(),
                    org.pdistation.imaging.io.ReadOptions.HEADER_ONLY).dataset();
        } catch (java.io.IOException | RuntimeException e) {
            // The header was readable a moment ago for sorting; if not now, play at the default rate.
        }
        boolean multiFrame = loaded.stream().allMatch(s -> s.ref().path().equals(loaded.get(0).ref().path()));
        // A stack of single images has no Frame Time of its own (C.7.6.5 belongs to multi-frame images);
        // only the display-rate attributes apply to it.
        if (!multiFrame && header != null && !header.contains(org.pdistation.imaging.data.Tag.RecommendedDisplayFrameRate)
                && !header.contains(org.pdistation.imaging.data.Tag.CineRate)) header = null;
        return org.pdistation.viewer.tools.CineRate.of(header, loaded.size());
    }

    /** Asks for a slice; {@code shown} runs on the FX thread with the result and the staging buffer to copy. */
    void request(Request r, BiConsumer<RenderedSlice, ByteBuffer> shown) {
        pending.set(r);
        thread.execute(() -> drain(shown));
    }

    private void drain(BiConsumer<RenderedSlice, ByteBuffer> shown) {
        Request r = pending.getAndSet(null);
        List<SliceInfo> s = slices;
        if (r == null || s.isEmpty()) return;
        int index = Math.max(0, Math.min(s.size() - 1, r.index()));
        int b = freeBuffer();
        RenderedSlice result;
        try {
            Placement place = r.placement();
            IntBuffer target = place == null ? ints(b) : unscaled;
            result = renderer.render(index, s.get(index), r.window(), r.invert(), target);
            if (result.info() == null && result.error() == null) { // too small: grow once, render again
                int pixels = result.rows() * result.columns();
                if (place == null) {
                    staging[b] = ByteBuffer.allocateDirect(pixels * 4);
                    target = ints(b);
                } else {
                    target = unscaled = IntBuffer.allocate(pixels);
                }
                result = renderer.render(index, s.get(index), r.window(), r.invert(), target);
            }
            stages.begin(mark);
            if (place != null && result.error() == null) result = result.withScaled(scale(result, place, b));
            stages.lap(FrameStages.Stage.SCALE, mark);
        } catch (Exception e) {
            result = new RenderedSlice(index, 0, 0, r.window(), 1, null, describe(e))
                    .withProblem(ImageProblem.of(s.get(index).ref().path(), e));
        }
        publish(new Staged(result, b), shown);
        renderer.prefetch(s, index, r.direction());
    }

    /** Scales the slice in {@link #unscaled} into staging buffer {@code b}, for the area of the layer it covers. */
    private ScaledArea scale(RenderedSlice r, Placement place, int b) {
        ViewGeometry g = place.geometry(r.columns(), r.rows(), r.pixelAspect());
        int[] a = g.visibleArea(place.pixelsPerUnit());
        ScaledArea area = new ScaledArea(g, place.pixelsPerUnit(), a[0], a[1], a[2], a[3]);
        if (area.isEmpty()) return area;
        int bytes = a[2] * a[3] * 4;
        if (staging[b].capacity() < bytes) staging[b] = ByteBuffer.allocateDirect(bytes);
        resampler.resample(unscaled.array(), area, ints(b));
        return area;
    }

    /** Staging buffer {@code b} as little-endian ints (BGRA bytes), its view made again only when it was replaced. */
    private IntBuffer ints(int b) {
        if (stagingViewed[b] != staging[b]) {
            stagingViewed[b] = staging[b];
            stagingInts[b] = staging[b].duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        }
        return stagingInts[b].clear(); // the renderer limits it to the slice's pixels
    }

    /** A rendered slice waiting in staging buffer {@code buffer} for the FX thread. */
    private record Staged(RenderedSlice slice, int buffer) {}

    /**
     * A buffer that is neither waiting for the FX thread nor being copied by it. With three buffers there always is
     * one, so the render thread never waits for the FX thread: it renders the next slice while the FX thread copies
     * the last one (the two overlap), and a slice not yet taken when a newer one is ready is replaced (newest wins).
     */
    private int freeBuffer() {
        synchronized (handOver) {
            for (int i = 0; i < staging.length; i++) {
                if (i != copying && (ready == null || ready.buffer() != i)) return i;
            }
        }
        throw new IllegalStateException("no free staging buffer"); // unreachable: at most two are taken
    }

    private void publish(Staged staged, BiConsumer<RenderedSlice, ByteBuffer> shown) {
        boolean schedule;
        synchronized (handOver) {
            schedule = ready == null; // else a hand-over is already queued on the FX thread and takes this one
            ready = staged;
        }
        if (!schedule) return;
        Platform.runLater(() -> {
            Staged take;
            synchronized (handOver) {
                take = ready;
                ready = null;
                if (take == null) return;
                copying = take.buffer();
            }
            try {
                shown.accept(take.slice(), staging[take.buffer()]);
            } finally {
                synchronized (handOver) {
                    copying = -1;
                }
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
