package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.w3c.dom.Node;

/**
 * Baseline streams with a restart interval (DRI + RSTn, T.81 B.2.4.4), written by the JDK's JPEG writer (dcmcjpeg
 * has no restart option), decoded by us and compared with the JDK's own reader.
 */
class JpegDecoderRestartTest {
    @ParameterizedTest(name = "{0}x{1}, {2} components, restart every {3} MCUs")
    @CsvSource({"75,100,1,1", "75,100,1,7", "64,64,1,3", "61,93,3,1", "61,93,3,5", "48,80,3,10"})
    void restartIntervalsDecodeLikeTheJdk(int rows, int cols, int spp, int interval) throws Exception {
        BufferedImage img = new BufferedImage(cols, rows,
                spp == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + interval);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int r = (x * 255 / cols + rnd.nextInt(20)) & 0xFF;
                int g = (y * 255 / rows) & 0xFF;
                int b = ((x ^ y) * 4) & 0xFF;
                img.setRGB(x, y, spp == 1 ? r * 0x010101 : r << 16 | g << 8 | b);
            }
        }
        byte[] jpeg = write(img, interval);
        assertTrue(countRestarts(jpeg) > 0, "stream has RST markers");
        Raster ref = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster();

        ImageDescriptor desc = new ImageDescriptor(rows, cols, spp, 8, 8, 7, false, 0,
                spp == 1 ? Photometric.MONOCHROME2 : Photometric.YBR_FULL_422, 1);
        FrameBuffer buf = new FrameBuffer();
        Photometric pi = new JpegDecoder().decode(jpeg, 0, jpeg.length, desc, buf);
        assertEquals(spp == 1 ? Photometric.MONOCHROME2 : Photometric.RGB, pi);
        int maxDiff = 0;
        double sq = 0;
        int[] px = new int[spp];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                ref.getPixel(x, y, px);
                for (int c = 0; c < spp; c++) {
                    int d = Math.abs(px[c] - buf.sample((y * cols + x) * spp + c));
                    maxDiff = Math.max(maxDiff, d);
                    sq += d * d;
                }
            }
        }
        double psnr = 10 * Math.log10(255.0 * 255 * rows * cols * spp / Math.max(sq, 1e-9));
        assertTrue(psnr >= 45, "PSNR " + psnr + ", max diff " + maxDiff);
        assertTrue(maxDiff <= 4, "max diff " + maxDiff);

        // A lost RST marker must be detected, not silently decoded as data.
        byte[] broken = jpeg.clone();
        int rst = firstRestart(broken);
        broken[rst + 1] = (byte) 0xE5;
        assertThrows(CodecException.class, () -> new JpegDecoder().decode(broken, 0, broken.length, desc, buf));
    }

    private static byte[] write(BufferedImage img, int interval) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata meta = w.getDefaultImageMetadata(new ImageTypeSpecifier(img), null);
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = meta.getAsTree(format);
        Node markers = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("markerSequence")) markers = n;
        }
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(interval));
        markers.insertBefore(dri, markers.getFirstChild());
        meta.setFromTree(format, root);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(new IIOImage(img, null, meta));
        } finally {
            w.dispose();
        }
        return bos.toByteArray();
    }

    private static int firstRestart(byte[] s) {
        for (int i = 0; i + 1 < s.length; i++) {
            if ((s[i] & 0xFF) == 0xFF && (s[i + 1] & 0xF8) == 0xD0) return i;
        }
        return -1;
    }

    private static int countRestarts(byte[] s) {
        int n = 0;
        for (int i = 0; i + 1 < s.length; i++) {
            if ((s[i] & 0xFF) == 0xFF && (s[i + 1] & 0xF8) == 0xD0) n++;
        }
        return n;
    }
}
