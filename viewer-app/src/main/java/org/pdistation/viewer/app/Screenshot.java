package org.pdistation.viewer.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.render.PngWriter;

/** Saves the whole window as a PNG (for tests and documentation), through imaging-core's PNG writer. */
public final class Screenshot {
    private Screenshot() {}

    /** Snapshots {@code scene} (on the FX thread: it lays out and renders the scene first) and writes {@code png}. */
    public static void save(Scene scene, Path png) throws IOException {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        Path abs = png.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        // Owner-only: the window shows patient names and images.
        try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
            PngWriter.writeRgb(out, w, h, rgb);
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
}
