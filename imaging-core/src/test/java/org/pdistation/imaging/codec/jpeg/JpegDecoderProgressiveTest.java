package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * Progressive streams (SOF2, successive approximation and spectral selection) from the JDK's JPEG writer decode
 * like the JDK's reader, and their corruptions end in {@link CodecException}.
 */
class JpegDecoderProgressiveTest {
    private static final int ROWS = 67;
    private static final int COLS = 90;

    @ParameterizedTest(name = "{0} components")
    @ValueSource(ints = {1, 3})
    void progressiveStreamsDecodeLikeTheJdk(int spp) throws Exception {
        byte[] jpeg = progressive(spp);
        Raster ref = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster();
        ImageDescriptor desc = descriptor(spp);
        FrameBuffer buf = new FrameBuffer();
        assertEquals(spp == 1 ? Photometric.MONOCHROME2 : Photometric.RGB,
                new JpegDecoder().decode(jpeg, 0, jpeg.length, desc, buf));
        int[] px = new int[spp];
        int maxDiff = 0;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                ref.getPixel(x, y, px);
                for (int c = 0; c < spp; c++) {
                    maxDiff = Math.max(maxDiff, Math.abs(px[c] - buf.sample((y * COLS + x) * spp + c)));
                }
            }
        }
        assertTrue(maxDiff <= 4, "max diff " + maxDiff);
    }

    @Test
    void corruptProgressiveStreamsEndInCodecException() throws Exception {
        byte[] s = progressive(3);
        ImageDescriptor desc = descriptor(3);
        JpegDecoder dec = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        SplittableRandom rnd = new SplittableRandom(5);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut = 0; cut < s.length - 2; cut += 1 + cut / 50) {
                int len = cut;
                assertThrows(CodecException.class, () -> dec.decode(s, 0, len, desc, buf), "cut at " + len);
            }
            for (int round = 0; round < 1500; round++) {
                byte[] m = s.clone();
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
                try {
                    dec.decode(m, 0, m.length, desc, buf);
                } catch (CodecException e) {
                    assertTrue(!e.getMessage().startsWith("corrupt JPEG stream: java."), e.toString());
                } catch (Throwable t) {
                    fail("round " + round + ": " + t, t);
                }
            }
        });
    }

    private static ImageDescriptor descriptor(int spp) {
        return new ImageDescriptor(ROWS, COLS, spp, 8, 8, 7, false, 0,
                spp == 1 ? Photometric.MONOCHROME2 : Photometric.YBR_FULL_422, 1);
    }

    private static byte[] progressive(int spp) throws Exception {
        BufferedImage img = new BufferedImage(COLS, ROWS,
                spp == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom rnd = new SplittableRandom(spp);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                int r = (x * 255 / COLS + rnd.nextInt(30)) & 0xFF;
                int g = (y * 3 + (x / 10) * 20) & 0xFF;
                int b = ((x ^ y) * 5) & 0xFF;
                img.setRGB(x, y, spp == 1 ? r * 0x010101 : r << 16 | g << 8 | b);
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        byte[] jpeg = bos.toByteArray();
        boolean sof2 = false;
        for (int i = 0; i + 1 < jpeg.length; i++) sof2 |= (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC2;
        assertTrue(sof2, "JDK wrote a progressive stream");
        return jpeg;
    }
}
