package org.pdistation.creator.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.render.GreyResize;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.Voi;
import org.pdistation.imaging.render.colour.ColourRenderer;

/**
 * One frame of an instance as 8-bit display pixels through imaging-core's pipelines: grey-scale images through
 * the modality LUT, the file's first VOI window or LUT (else the frame's min/max) and the presentation LUT
 * (PS3.3 C.11, {@link GreyscaleRenderer}); colour images through {@link ColourRenderer}. One instance per file.
 */
final class FrameRenderer implements AutoCloseable {
    /** Larger frames are not decoded for a web page: they would cost hundreds of MB of heap for one thumbnail. */
    static final long MAX_SAMPLES = 64L << 20;

    /** Display pixels: {@code channels} 1 (grey) or 3 (RGB). */
    record Pixels(int width, int height, int channels, byte[] data) {
        /** Fitted into {@code box × box}, keeping the aspect ratio; never enlarged beyond {@code maxScale}. */
        Pixels fit(int box, double maxScale) {
            double s = Math.min(maxScale, Math.min(box / (double) width, box / (double) height));
            int w = Math.max(1, (int) Math.round(width * s));
            int h = Math.max(1, (int) Math.round(height * s));
            if (w == width && h == height) return this;
            if (channels == 1) return new Pixels(w, h, 1, GreyResize.resize(data, width, height, w, h));
            byte[][] planes = new byte[3][width * height];
            for (int i = 0; i < width * height; i++) {
                planes[0][i] = data[3 * i];
                planes[1][i] = data[3 * i + 1];
                planes[2][i] = data[3 * i + 2];
            }
            byte[] out = new byte[3 * w * h];
            for (int c = 0; c < 3; c++) {
                byte[] p = GreyResize.resize(planes[c], width, height, w, h);
                for (int i = 0; i < w * h; i++) out[3 * i + c] = p[i];
            }
            return new Pixels(w, h, 3, out);
        }
    }

    /** Why a frame could not be rendered (the message names the file, not the patient). */
    static final class RenderException extends Exception {
        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ImageFrames frames;
    private final FrameBuffer buffer = new FrameBuffer();
    private GreyscaleRenderer grey;

    private FrameRenderer(ImageFrames frames) {
        this.frames = frames;
    }

    /** Opens the file; throws when it has no renderable pixel data. */
    static FrameRenderer open(java.nio.file.Path file) throws RenderException {
        ImageFrames f;
        try {
            f = ImageFrames.open(file);
        } catch (IOException | RuntimeException e) {
            throw new RenderException(file.getFileName() + ": not readable: " + e.getMessage(), e);
        }
        try {
            if (!f.hasPixelData() || f.frameCount() < 1) throw new RenderException(file.getFileName() + ": no pixel data", null);
            ImageDescriptor d = f.descriptor();
            if (d.samples() > MAX_SAMPLES) {
                throw new RenderException(file.getFileName() + ": " + d.columns() + "x" + d.rows()
                        + " is too large to render for the web pages", null);
            }
        } catch (RenderException | RuntimeException e) {
            f.close();
            if (e instanceof RenderException re) throw re;
            throw new RenderException(file.getFileName() + ": " + e.getMessage(), e);
        }
        return new FrameRenderer(f);
    }

    int frameCount() {
        return frames.frameCount();
    }

    /** Renders frame {@code n} (0-based). */
    Pixels render(int n) throws RenderException {
        try {
            ImageDescriptor desc = frames.descriptor();
            Photometric decoded = frames.readFrame(n, buffer);
            int w = desc.columns();
            int h = desc.rows();
            if (desc.photometric().isMonochrome() && desc.samplesPerPixel() == 1) {
                if (grey == null) grey = GreyscaleRenderer.of(frames.dataset(), desc, new LutCache(2));
                Voi voi = grey.defaultVoi(n, buffer);
                byte[] out = new byte[w * h];
                grey.render(buffer, n, voi, ByteBuffer.wrap(out));
                return new Pixels(w, h, 1, out);
            }
            int[] argb = new int[w * h];
            ColourRenderer.of(frames.dataset(), desc).toArgb(buffer, decoded, IntBuffer.wrap(argb));
            byte[] rgb = new byte[3 * w * h];
            for (int i = 0; i < argb.length; i++) {
                rgb[3 * i] = (byte) (argb[i] >> 16);
                rgb[3 * i + 1] = (byte) (argb[i] >> 8);
                rgb[3 * i + 2] = (byte) argb[i];
            }
            return new Pixels(w, h, 3, rgb);
        } catch (FrameException | CodecException | RuntimeException e) {
            throw new RenderException(frames.instance() + " frame " + (n + 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        frames.close();
    }
}
