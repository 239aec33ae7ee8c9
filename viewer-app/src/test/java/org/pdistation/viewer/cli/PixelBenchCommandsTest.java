package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench window} and {@code bench scroll} print their figures as {@code name ours peer ratio} lines. */
class PixelBenchCommandsTest extends InProcessCli {
    private List<String> figures() {
        return out.toString().lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void benchWindowReportsBothCopyBaselinesTheTablePathAndColour() {
        assertEquals(0, run("bench", "window", "--pairs", "1"), err.toString());
        List<String> names = figures().stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("window-512", "window-512-vs-output-copy", "window-512-sigmoid-lut",
                "window-512-argb-direct", "window-512-in-cache", "window-4096", "window-4096-vs-output-copy",
                "window-4096-sigmoid-lut", "window-4096-argb-direct", "window-4096-in-cache", "colour-rgb-512-MPps",
                "colour-ybr-full-512-MPps"), names, out.toString());
        for (String l : figures()) assertTrue(Double.parseDouble(l.split(" ")[1]) > 0, l);
    }

    @Test
    void benchScrollReportsFrameTimePercentilesFreeAndPaced(@TempDir Path work) {
        assertEquals(0, run("bench", "scroll", "20", "--heap-slices", "0", "--work", work.toString()), err.toString());
        List<String> lines = figures();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("scroll-20-fps ")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("scroll-20-free-frame-ms p50 ")), out.toString());
        String paced = lines.stream().filter(l -> l.startsWith("scroll-20-at-60fps-max-frame-ms ")).findFirst()
                .orElseThrow(() -> new AssertionError(out.toString()));
        Double.parseDouble(paced.split(" ")[1]);
        assertTrue(paced.contains("slowest frame: cpu "), paced);
        assertTrue(out.toString().contains("0 errors"), out.toString());
    }
}
