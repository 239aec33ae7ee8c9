package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** PNG output read back with javax.imageio (the test only; the writer itself uses no AWT). */
class PngWriterTest {
    @Test
    void greyImageReadsBackExactly() throws Exception {
        int w = 37;
        int h = 23;
        byte[] grey = new byte[w * h];
        for (int i = 0; i < grey.length; i++) grey[i] = (byte) (i * 7 + (i / w) * 13);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.writeGrey(out, w, h, grey);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        Raster r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) assertEquals(grey[y * w + x] & 0xFF, r.getSample(x, y, 0), x + "," + y);
        }
    }

    @Test
    void rgbImageReadsBackExactly() throws Exception {
        int w = 5;
        int h = 4;
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i++) rgb[i] = (byte) (i * 31);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.writeRgb(out, w, h, rgb);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int expected = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
                assertEquals(expected, img.getRGB(x, y) & 0xFFFFFF, x + "," + y);
            }
        }
    }
}
