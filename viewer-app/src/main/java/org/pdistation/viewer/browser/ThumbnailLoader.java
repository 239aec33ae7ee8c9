package org.pdistation.viewer.browser;

import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.colour.ColourRenderer;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.view.RenderEngine;

/**
 * Makes a small picture of each series (its middle image at the header's window) on two background threads, in
 * browser order, handing each to the FX thread as soon as it is ready: the first thumbnails appear while the rest
 * load. A series whose image cannot be decoded gets no thumbnail (its row still shows).
 */
public final class ThumbnailLoader implements AutoCloseable {
    public static final int SIZE = 56;

    private final ExecutorService executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), RenderEngine.daemonThreads("pdistation-thumbnail"));
    private final AtomicInteger generation = new AtomicInteger();

    /**
     * Queues a thumbnail per series; {@code done} runs on the FX thread once per series, with the image or null.
     * A later call makes the queued work of earlier calls stop.
     */
    public void load(Iterable<SeriesEntry> series, BiConsumer<SeriesEntry, Image> done) {
        int gen = generation.incrementAndGet();
        for (SeriesEntry s : series) {
            executor.execute(() -> {
                if (generation.get() != gen) return;
                Image img = null;
                try {
                    img = make(s);
                } catch (Exception | OutOfMemoryError e) {
                    // A broken file has no thumbnail; the viewer reports the problem when the series is opened.
                }
                Image result = img;
                if (generation.get() == gen) Platform.runLater(() -> done.accept(s, result));
            });
        }
    }

    static Image make(SeriesEntry s) throws Exception {
        if (s.files().isEmpty()) return null;
        Path file = s.files().get(s.files().size() / 2);
        try (ImageFrames frames = ImageFrames.open(file)) {
            if (!frames.hasPixelData() || frames.frameCount() == 0) return null;
            int f = frames.frameCount() / 2;
            FrameBuffer buf = new FrameBuffer();
            Photometric p = frames.readFrame(f, buf);
            ImageDescriptor desc = frames.descriptor();
            int w = buf.columns();
            int h = buf.rows();
            IntBuffer argb = IntBuffer.allocate(w * h);
            if (p.isMonochrome() && buf.samplesPerPixel() == 1) {
                GreyscaleRenderer r = GreyscaleRenderer.of(frames.dataset(), desc, new LutCache(2));
                r.renderArgb(buf, f, r.defaultVoi(f, buf), argb);
            } else {
                ColourRenderer.of(frames.dataset(), desc).toArgb(buf, p, argb);
            }
            return shrink(argb.array(), w, h);
        }
    }

    /** Box-average to fit SIZE × SIZE, keeping the aspect ratio. */
    static Image shrink(int[] argb, int w, int h) {
        double scale = Math.min(1.0, (double) SIZE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] out = new int[tw * th];
        for (int y = 0; y < th; y++) {
            int y0 = y * h / th;
            int y1 = Math.max(y0 + 1, (y + 1) * h / th);
            for (int x = 0; x < tw; x++) {
                int x0 = x * w / tw;
                int x1 = Math.max(x0 + 1, (x + 1) * w / tw);
                long r = 0, g = 0, b = 0;
                int n = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int c = argb[yy * w + xx];
                        r += c >> 16 & 0xFF;
                        g += c >> 8 & 0xFF;
                        b += c & 0xFF;
                        n++;
                    }
                }
                out[y * tw + x] = 0xFF000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        WritableImage img = new WritableImage(tw, th);
        img.getPixelWriter().setPixels(0, 0, tw, th, PixelFormat.getIntArgbPreInstance(), out, 0, tw);
        return img;
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        executor.shutdownNow();
    }
}
