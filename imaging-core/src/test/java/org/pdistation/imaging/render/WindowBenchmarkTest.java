package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark runs and reports sane figures; the ratio itself is machine-dependent and not asserted. */
class WindowBenchmarkTest {
    @Test
    void reportsMediansAndTheirRatio() throws Exception {
        WindowBenchmark.Result r = WindowBenchmark.run(64, 5);
        assertEquals(64, r.size());
        assertTrue(r.oursMs() > 0 && r.copyMs() >= 0, r.line());
        assertTrue(r.line().startsWith("window-64 "), r.line());
    }
}
