package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.testing.SharedData;

class RenderCommandTest extends InProcessCli {
    @Test
    void rendersAWindowedFrameToPng() throws Exception {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        Path png = home.resolve("ct.png");
        assertEquals(0, run("render", f.toString(), "--window", "40,400", "--out", png.toString()), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(128, img.getWidth());
        assertEquals(128, img.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
    }

    @Test
    void sizeFitsTheBoxKeepingTheAspectRatio() throws Exception {
        Path f = SharedData.requireDicomFile("multiframe/fo-dicom/mr_brucker.dcm"); // 128 rows × 256 columns
        Path png = home.resolve("small.png");
        assertEquals(0, run("render", f.toString(), "--frame", "2", "--size", "100x100", "--out", png.toString()),
                err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(100, img.getWidth());
        assertEquals(50, img.getHeight());
    }

    @Test
    void overlaysAreBurnedInWhenAsked() throws Exception {
        Path f = SharedData.requireDicomFile("single/weasis/overlay.dcm");
        Path plain = home.resolve("plain.png");
        Path burnt = home.resolve("burnt.png");
        assertEquals(0, run("render", f.toString(), "--out", plain.toString()), err.toString());
        assertEquals(0, run("render", f.toString(), "--overlays", "--out", burnt.toString()), err.toString());
        assertTrue(whitePixels(ImageIO.read(burnt.toFile())) > whitePixels(ImageIO.read(plain.toFile())));
    }

    private static int whitePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if (img.getRaster().getSample(x, y, 0) == 255) n++;
        }
        return n;
    }

    @Test
    void aMissingFrameIsOneLineNamingFileAndFrame() {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(1, run("render", f.toString(), "--frame", "3", "--out", home.resolve("x.png").toString()));
        assertEquals("pdistation render: " + f + " frame 3: no such frame; the image has 1",
                err.toString().strip());
    }

    @Test
    void anUnknownPresetListsTheFilesPresets() {
        Path f = SharedData.requireDicomFile("single/debian-dicom3tools/0051.dcm");
        assertEquals(1, run("render", f.toString(), "--preset", "lung", "--out", home.resolve("x.png").toString()));
        assertEquals("pdistation render: " + f + " frame 1: no preset 'lung'; the file has Algo1 (C 748 W 1579)",
                err.toString().strip());
    }

    @Test
    void aPresetIsChosenByIndex() {
        Path f = SharedData.requireDicomFile("single/debian-dicom3tools/0051.dcm");
        assertEquals(0, run("render", f.toString(), "--preset", "1", "--out", home.resolve("x.png").toString()),
                err.toString());
    }

    @Test
    void anUndecodableSyntaxIsNamed() {
        Path f = SharedData.requireDicomFile("multiframe/dcm4che/will-jxl.dcm");
        assertEquals(1, run("render", f.toString(), "--out", home.resolve("x.png").toString()));
        String line = err.toString().strip();
        assertTrue(line.startsWith("pdistation render: " + f + " frame 1: "), line);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("JPEG XL") && line.contains("not supported"), line);
    }

    @Test
    void colourImagesRenderToRgbPng() throws Exception {
        Path f = SharedData.requireDicomFile("single/pydicom-data/HTJ2KLossless_08_RGB.dcm");
        Path png = home.resolve("c.png");
        assertEquals(0, run("render", f.toString(), "--out", png.toString()), err.toString());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(3, img.getColorModel().getNumComponents());
    }

    @Test
    void aMalformedWindowIsAUsageError() {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(2, run("render", f.toString(), "--window", "40", "--out", home.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--window expects CENTER,WIDTH"), err.toString());
    }
}
