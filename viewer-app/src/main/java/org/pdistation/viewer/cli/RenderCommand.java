package org.pdistation.viewer.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.render.colour.ColourRenderer;
import org.pdistation.imaging.render.GreyResize;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.Overlay;
import org.pdistation.imaging.render.Overlays;
import org.pdistation.imaging.render.PngWriter;
import org.pdistation.imaging.render.Voi;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pdistation render}: one frame of a monochrome image to an 8-bit grey PNG, through the grey-scale display
 * pipeline (modality LUT, VOI window or LUT, presentation LUT). Errors are one line naming the file and the frame;
 * exit code 1.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {"Renders one frame of a DICOM image to PNG.",
                "Without --window or --preset the image's first window (or VOI LUT) is used, or the frame's "
                        + "min/max when it has none."})
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM image")
    Path file;

    @Option(names = "--frame", defaultValue = "1", paramLabel = "N", description = "frame number, 1-based (default 1)")
    int frame;

    @Option(names = "--window", paramLabel = "CENTER,WIDTH", description = "explicit window (LINEAR, PS3.3 C.11.2.1.2)")
    String window;

    @Option(names = "--preset", paramLabel = "NAME|INDEX",
            description = "a window or VOI LUT of the file: 1-based index, or the start of its explanation")
    String preset;

    @Option(names = "--size", paramLabel = "WxH", description = "fit into W×H keeping the aspect ratio")
    String size;

    @Option(names = "--overlays", description = "burn the overlay planes (60xx) in, white")
    boolean overlays;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "output PNG file")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (window != null && preset != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window and --preset exclude each other");
        }
        Voi explicit = window != null ? parseWindow(window) : null;
        int[] box = size != null ? parseSize(size) : null;
        try (ImageFrames frames = ImageFrames.open(file)) {
            render(frames, explicit, box);
            return 0;
        } catch (FrameException e) {
            err.println("pdistation render: " + e.getMessage()); // already names the file and the frame
        } catch (RenderFailure | CodecException e) {
            err.println("pdistation render: " + file + " frame " + frame + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            err.println("pdistation render: " + file + " frame " + frame + ": " + message(e));
        }
        err.flush();
        return PdiStationCommand.EXIT_INPUT_FAILED;
    }

    private void render(ImageFrames frames, Voi explicit, int[] box) throws IOException, FrameException,
            CodecException, RenderFailure {
        if (!frames.hasPixelData()) throw new RenderFailure("no pixel data");
        ImageDescriptor desc = frames.descriptor();
        if (frame < 1 || frame > frames.frameCount()) {
            throw new RenderFailure("no such frame; the image has " + frames.frameCount());
        }
        int index = frame - 1;
        FrameBuffer buf = new FrameBuffer();
        Photometric decoded = frames.readFrame(index, buf);
        if (!desc.photometric().isMonochrome() || desc.samplesPerPixel() != 1) {
            renderColour(frames, buf, decoded, box);
            return;
        }
        GreyscaleRenderer renderer = GreyscaleRenderer.of(frames.dataset(), desc, new LutCache(2));
        Voi voi = explicit;
        if (voi == null && preset != null) {
            voi = renderer.preset(index, preset);
            if (voi == null) {
                List<String> names = renderer.presets(index).stream().map(Voi::label).toList();
                throw new RenderFailure("no preset '" + preset + "'; the file has "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
        }
        if (voi == null) voi = renderer.defaultVoi(index, buf);
        int w = desc.columns();
        int h = desc.rows();
        byte[] grey = new byte[w * h];
        renderer.render(buf, index, voi, ByteBuffer.wrap(grey));
        if (overlays) {
            FrameBuffer raw = new FrameBuffer();
            frames.readRawFrame(index, raw);
            List<Overlay> planes = Overlays.forFrame(frames.dataset(), desc, index, raw);
            Overlays.burnIn(planes, grey, w);
        }
        if (box != null) {
            int[] fit = GreyResize.fit(w, h, box[0], box[1]);
            grey = GreyResize.resize(grey, w, h, fit[0], fit[1]);
            w = fit[0];
            h = fit[1];
        }
        writePng(w, h, grey, false);
    }

    /** Writes the PNG owner-only (a patient's image), creating the folder it goes in. */
    private void writePng(int w, int h, byte[] pixels, boolean rgb) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) OwnerOnly.createDirectories(parent);
        try (OutputStream os = new BufferedOutputStream(OwnerOnly.newOutputStream(out), 1 << 16)) {
            if (rgb) {
                PngWriter.writeRgb(os, w, h, pixels);
            } else {
                PngWriter.writeGrey(os, w, h, pixels);
            }
        }
    }

    /** Colour images (RGB, YBR, palette) through the colour renderer; windows do not apply to them. */
    private void renderColour(ImageFrames frames, FrameBuffer buf, Photometric decoded, int[] box)
            throws IOException, CodecException {
        ImageDescriptor desc = frames.descriptor();
        int w = desc.columns();
        int h = desc.rows();
        int[] argb = new int[w * h];
        ColourRenderer.of(frames.dataset(), desc).toArgb(buf, decoded, IntBuffer.wrap(argb));
        byte[][] channels = new byte[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            channels[0][i] = (byte) (argb[i] >> 16);
            channels[1][i] = (byte) (argb[i] >> 8);
            channels[2][i] = (byte) argb[i];
        }
        if (box != null) {
            int[] fit = GreyResize.fit(w, h, box[0], box[1]);
            for (int c = 0; c < 3; c++) channels[c] = GreyResize.resize(channels[c], w, h, fit[0], fit[1]);
            w = fit[0];
            h = fit[1];
        }
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0, o = 0; i < w * h; i++) {
            rgb[o++] = channels[0][i];
            rgb[o++] = channels[1][i];
            rgb[o++] = channels[2][i];
        }
        writePng(w, h, rgb, true);
    }

    private Voi parseWindow(String s) {
        String[] p = s.split(",");
        try {
            if (p.length == 2) {
                double c = Double.parseDouble(p[0].strip());
                double w = Double.parseDouble(p[1].strip());
                if (w >= 1 && Double.isFinite(c) && Double.isFinite(w)) return new Voi.Window(c, w);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--window expects CENTER,WIDTH with WIDTH >= 1, got '" + s + "'");
    }

    private int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].strip());
                int h = Integer.parseInt(p[1].strip());
                if (w > 0 && h > 0 && w <= 65535 && h <= 65535) return new int[] {w, h};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--size expects WxH, got '" + s + "'");
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** A reason this frame cannot be rendered that is not a decoding error. */
    private static final class RenderFailure extends Exception {
        RenderFailure(String message) {
            super(message);
        }
    }
}
