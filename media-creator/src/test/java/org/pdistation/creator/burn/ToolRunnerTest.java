package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Running a tool: arguments kept whole, lines split at CR and LF, the process tree killed on timeout. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ToolRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void argumentsWithSpacesAndQuotesReachTheToolUnchanged() throws Exception {
        String odd = "a b 'c' \"d\" $(e) ; f";
        ToolRunner.Outcome out = ToolRunner.run(List.of("/bin/echo", odd), Duration.ofSeconds(30),
                Cancellation.none(), l -> { });
        assertEquals(0, out.exitCode());
        assertEquals(List.of(odd), out.lines());
    }

    @Test
    void splitsProgressLinesRewrittenWithCarriageReturns() throws Exception {
        List<String> seen = new ArrayList<>();
        ToolRunner.Outcome out = ToolRunner.run(List.of("/usr/bin/printf", "one\\rtwo\\r\\nthree\\nfour"),
                Duration.ofSeconds(30), Cancellation.none(), seen::add);
        assertEquals(List.of("one", "two", "three", "four"), out.lines());
        assertEquals(out.lines(), seen);
    }

    @Test
    void aToolThatOutlivesItsTimeoutIsKilledWithItsChildrenAndReaped() throws Exception {
        Path marker = tmp.resolve("late");
        long t0 = System.nanoTime();
        // a shell here only to get a grandchild; burners never use one
        ToolRunner.Outcome out = ToolRunner.run(List.of("/bin/sh", "-c", "sleep 30 & sleep 30; touch \"$0\"",
                marker.toString()), Duration.ofMillis(500), Cancellation.none(), l -> { });
        assertTrue(out.timedOut());
        assertEquals(-1, out.exitCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 15_000);
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
        assertTrue(!Files.exists(marker));
    }

    @Test
    void aToolThatCannotStartIsABurnException() {
        BurnException e = assertThrows(BurnException.class, () -> ToolRunner.run(
                List.of(tmp.resolve("nothing here").toString()), Duration.ofSeconds(5), Cancellation.none(), l -> { }));
        assertTrue(e.getMessage().contains("cannot start"), e.getMessage());
    }
}
