package org.pdistation.viewer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code pdistation bench ui} small on the test JVM's glass platform (Monocle headless). The full-size run:
 * {@code ./mvnw -pl viewer-app test -Dtest=UiBenchmarkTest -Dpdistation.uibench.slices=500 -Dpdistation.uibench.studies=30}.
 */
class UiBenchmarkTest {
    @Test
    void printsEveryFigureThroughTheRealRenderPath() throws Exception {
        int slices = Integer.getInteger("pdistation.uibench.slices", 40);
        int studies = Integer.getInteger("pdistation.uibench.studies", 3);
        StringWriter s = new StringWriter();
        UiBenchmark.run(slices, studies, null, new PrintWriter(s, true));
        String out = s.toString();
        System.out.println(out);
        for (String name : new String[] {"ui-first-image-" + slices + "-ms ", "ui-browser-" + studies + "-studies-ms ",
                "ui-scroll-512-fps ", "ui-scroll-512-frame-ms p50", "ui-cine-512-fps ", "ui-cine-dropped ",
                "ui-scroll-replaced ", "# pipeline ", "# ui-scroll-512 CPU ms per frame by stage (cpu/wall): read-decode ",
                "# ui-scroll-512 CPU ms per frame by thread: fx-thread ", "ui-start-to-window-ms ",
                "ui-start-to-window-cds-ms "}) {
            assertTrue(out.contains("\n" + name) || out.startsWith(name), name + " missing from:\n" + out);
        }
    }
}
