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
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.render.colour.ColourRenderer;
import org.pdistation.viewer.model.SeriesDetails;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.view.RenderEngine;

/**
 * Makes a small picture of each series (its middle image at the viewer's default window) on two background threads,
 * in browser order, handing each to the FX thread as soon as it is ready: the first thumbnails appear while the rest
 * load. The same header read gives the series' {@link SeriesDetails} (description, body part, ...) that the
 * DICOMDIR may lack: one header per series, never one per instance. A series whose image cannot be decoded gets no
 * picture (its row still shows).
 */
public final class ThumbnailLoader implements AutoCloseable {
    public static final int SIZE = 56;

    /** What one background read gives a series row: a picture (or null) and the header's keys (or NONE). */
    public record Thumbnail(Image image, SeriesDetails details) {
        static final Thumbnail NONE = new Thumbnail(null, SeriesDetails.NONE);
    }

    private final ExecutorService executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), RenderEngine.daemonThreads("pdistation-thumbnail"));
    private final AtomicInteger generation = new AtomicInteger();

    /**
     * Queues a thumbnail per series; {@code done} runs on the FX thread once per series, never with null.
     * A later call makes the queued work of earlier calls stop.
     */
    public void load(Iterable<SeriesEntry> series, BiConsumer<SeriesEntry, Thumbnail> done) {
        int gen = generation.incrementAndGet();
        for (SeriesEntry s : series) {
            executor.execute(() -> {
                if (generation.get() != gen) return;
                Thumbnail result = make(s);
                if (generation.get() == gen) Platform.runLater(() -> done.accept(s, result));
            });
        }
    }

    static Thumbnail make(SeriesEntry s) {
        if (s.files().isEmpty()) return Thumbnail.NONE;
        Path file = s.files().get(s.files().size() / 2);
        try (ImageFrames frames = ImageFrames.open(file)) {
            SeriesDetails details = SeriesDetails.of(frames.dataset());
            Image img = null;
            try {
                img = picture(frames);
            } catch (Exception | OutOfMemoryError e) {
                // A broken image has no picture; the viewer reports the problem when the series is opened.
            }
            return new Thumbnail(img, details);
        } catch (Exception | OutOfMemoryError e) {
            return headerOnly(file);
        }
    }

    /** A file ImageFrames refuses (no image, a broken pixel module) may still have a readable header. */
    private static Thumbnail headerOnly(Path file) {
        try {
            return new Thumbnail(null, SeriesDetails.of(DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset()));
        } catch (Exception | OutOfMemoryError e) {
            return Thumbnail.NONE;
        }
    }

    private static Image picture(ImageFrames frames) throws Exception {
        if (!frames.hasPixelData() || frames.frameCount() == 0) return null;
        int f = frames.frameCount() / 2;
        FrameBuffer buf = new FrameBuffer();
        Photometric p = frames.readFrame(f, buf);
        ImageDescriptor desc = frames.descriptor();
        int w = buf.columns();
        int h = buf.rows();
        IntBuffer argb = IntBuffer.allocate(w * h);
        if (p.isMonochrome() && buf.samplesPerPixel() == 1) {
            // The viewer's default: the header's first window (PS3.3 C.11.2), else the frame's min-max.
            GreyscaleRenderer r = GreyscaleRenderer.of(frames.dataset(), desc, new LutCache(2));
            r.renderArgb(buf, f, r.defaultVoi(f, buf), argb);
            if (uniform(argb.array())) {
                // The header's window can miss this image's values entirely (a brain window on a slice of bone,
                // or a test set whose pixels were replaced): one flat grey says nothing about the series, so the
                // thumbnail alone falls back to the image's own range. The viewer still opens at the header window.
                argb.clear();
                r.renderArgb(buf, f, r.minMaxVoi(f, buf), argb);
            }
        } else {
            ColourRenderer.of(frames.dataset(), desc).toArgb(buf, p, argb);
        }
        return shrink(argb.array(), w, h);
    }

    /** True when every pixel has the same colour: a picture that shows nothing. */
    static boolean uniform(int[] argb) {
        for (int i = 1; i < argb.length; i++) {
            if (argb[i] != argb[0]) return false;
        }
        return true;
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
