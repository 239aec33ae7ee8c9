package org.pdistation.creator.burn;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a burning tool as a process: an argument list (no shell, so paths with spaces or quotes stay one argument),
 * an empty standard input, stdout and stderr merged and split into lines (on CR as well as LF: progress lines are
 * rewritten in place with CR), a deadline and a cancellation token. The process and all its descendants are
 * destroyed on timeout or cancel, and the process is always reaped before {@link #run} returns.
 */
final class ToolRunner {
    private static final long POLL_MILLIS = 100;
    /** How long a killed tool gets to exit, and the output reader to reach the end of the pipe. */
    private static final Duration REAP_WAIT = Duration.ofSeconds(10);
    private static final File NULL_DEVICE = new File(System.getProperty("os.name", "").startsWith("Windows")
            ? "NUL" : "/dev/null");

    /** What happened. {@code exitCode} is -1 when the process was killed. */
    record Outcome(int exitCode, List<String> lines, boolean cancelled, boolean timedOut) {
        String output() {
            return String.join("\n", lines);
        }

        boolean killed() {
            return cancelled || timedOut;
        }
    }

    private ToolRunner() {
    }

    static Outcome run(List<String> command, Duration timeout, Cancellation cancellation, Consumer<String> onLine)
            throws BurnException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE));
        // The tools' messages are parsed: ask for the untranslated ones.
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BurnException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().daemon().name("burn-tool-output")
                .start(() -> readLines(process.getInputStream(), line -> {
                    lines.add(line);
                    onLine.accept(line);
                }));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean cancelled = false;
        boolean timedOut = false;
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    cancelled = true;
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    timedOut = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
        }
        if (cancelled || timedOut) {
            killTree(process);
        }
        try {
            reader.join(REAP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = process.isAlive() ? -1 : (cancelled || timedOut ? -1 : process.exitValue());
        synchronized (lines) {
            return new Outcome(exit, List.copyOf(lines), cancelled, timedOut);
        }
    }

    /** Kills the process and every descendant, collected while the parent lives (an orphan is no descendant). */
    private static void killTree(Process process) {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits the stream at CR, LF or CRLF; a tool's bytes are decoded as UTF-8 (malformed bytes replaced). */
    private static void readLines(InputStream in, Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int c;
            boolean lastCr = false;
            while ((c = r.read()) >= 0) {
                if (c == '\n' && lastCr) {
                    lastCr = false;
                    continue;
                }
                lastCr = c == '\r';
                if (c == '\r' || c == '\n') {
                    sink.accept(line.toString());
                    line.setLength(0);
                } else if (line.length() < 64 * 1024) {
                    // a tool that prints without line ends cannot make us run out of memory
                    line.append((char) c);
                }
            }
            if (!line.isEmpty()) {
                sink.accept(line.toString());
            }
        } catch (IOException e) {
            // the pipe closes when the tool is killed: keep what was read
        }
    }
}
