package org.pdistation.viewer.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.render.PngWriter;

/**
 * Saves what a viewport shows — image, overlay texts, measurements, scale bar — as a PNG or JPEG. The snapshot is
 * taken on the FX thread; the encoding may run anywhere. Written to a temporary file first so that a failed write
 * leaves no half file behind, and owner-only where POSIX allows (the picture can show the patient's name).
 */
public final class ViewExport {
    public enum Format { PNG, JPEG }

    private ViewExport() {}

    /** The format named by {@code file}'s extension (.jpg/.jpeg → JPEG, anything else PNG). */
    public static Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") ? Format.JPEG : Format.PNG;
    }

    /** Snapshots {@code node} (FX thread) as 0xAARRGGBB pixels. */
    public static Snapshot snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.BLACK);
        WritableImage img = node.snapshot(p, null);
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Snapshot(w, h, argb);
    }

    /** Pixels of a snapshot. */
    public record Snapshot(int width, int height, int[] argb) {}

    public static void write(Snapshot s, Path file, Format format) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        // Created owner-only, not restricted after opening: no moment at which others could open it.
        try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
            if (format == Format.PNG) {
                byte[] rgb = new byte[s.width() * s.height() * 3];
                for (int i = 0; i < s.argb().length; i++) {
                    rgb[3 * i] = (byte) (s.argb()[i] >> 16);
                    rgb[3 * i + 1] = (byte) (s.argb()[i] >> 8);
                    rgb[3 * i + 2] = (byte) s.argb()[i];
                }
                PngWriter.writeRgb(out, s.width(), s.height(), rgb);
            } else {
                BufferedImage bi = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
                bi.setRGB(0, 0, s.width(), s.height(), s.argb(), 0, s.width());
                if (!javax.imageio.ImageIO.write(bi, "jpeg", out)) throw new IOException("no JPEG writer in this Java runtime");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
}
