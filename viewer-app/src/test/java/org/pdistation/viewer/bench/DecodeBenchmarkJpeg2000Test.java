package org.pdistation.viewer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** The JPEG 2000 line on Weasis's own test file: checked against gdcmconv --raw, or a '-' line without the data. */
class DecodeBenchmarkJpeg2000Test {

    @Test
    void weasisFileLineMatchesThePeerAndShowsCodestreamRate(@TempDir Path work) throws Exception {
        Path shared = SharedData.require();
        Peers.require("gdcmconv");
        String out = run(work, shared);
        String line = out.lines().filter(l -> l.startsWith("decode-jpeg2000-weasis-file-MPps ")).findFirst()
                .orElseThrow(() -> new AssertionError(out));
        String[] f = line.split("\\s+");
        assertTrue(Double.parseDouble(f[1]) > 0, line);
        assertEquals(77.0, Double.parseDouble(f[2]), line);
        assertTrue(line.contains("pixels == peer"), line);
        assertTrue(line.contains("MB of codestream per CPU-second"), line);
        assertTrue(line.contains("19 frames 256x256 12-bit"), line);
        assertTrue(line.contains("the Weasis range 17-77"), line);
    }

    @Test
    void withoutTheSharedDataTheLineIsADash(@TempDir Path work) throws Exception {
        String out = run(work, work.resolve("no-such-shared"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("decode-jpeg2000-weasis-file-MPps - - -")), out);
    }

    private static String run(Path work, Path shared) throws Exception {
        StringWriter s = new StringWriter();
        try (PrintWriter pw = new PrintWriter(s);
             BenchData data = BenchData.generate(work, 1, pw)) {
            DecodeBenchmark.run(data, 0, 3, List.of("jpeg2000-weasis-file"), shared, pw);
        }
        return s.toString();
    }
}
