package org.pdistation.viewer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.Main;

/**
 * {@code pdistation ARGS} as a user starts it, for commands that block (e.g. {@code archive serve}): a child JVM on
 * this test's class path with {@link Main} as its main class, a data folder of its own ({@link AppHome#PROPERTY}) and
 * the shipped logging configuration, so warnings and errors reach its stderr as they reach a user's terminal. What
 * it prints is collected line by line while it runs. {@link #close} kills it if it still runs: call it in a finally
 * block (or try-with-resources) so that no test leaves a JVM behind.
 */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(Process process) {
        this.process = process;
        // The child writes in the platform's encoding (stdout.encoding), as on a terminal.
        this.outReader = drain(process.getInputStream(), out, "cli-stdout");
        this.errReader = drain(process.getErrorStream(), err, "cli-stderr");
    }

    static CliProcess start(Path home, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-D" + AppHome.PROPERTY + "=" + home);
        // The test class path also holds logback-test.xml (warnings only, no log file), which logback would prefer.
        URL shipped = Main.class.getResource("/logback.xml");
        if (shipped != null) {
            cmd.add("-Dlogback.configurationFile=" + shipped);
        }
        cmd.add("-Djava.awt.headless=true");
        // As pdistation.jar's manifest (Enable-Native-Access): no JEP 472 warning on stderr.
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        try {
            return new CliProcess(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    private Thread drain(InputStream in, List<String> lines, String name) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.forName(
                    System.getProperty("stdout.encoding", Charset.defaultCharset().name()))))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process is gone; what it printed so far is kept.
            }
        });
    }

    /**
     * Waits until a stdout line matches {@code p} (searched, not fully matched) and returns the match.
     *
     * @throws AssertionError when none does within {@code timeout} or the process ends first, with all it printed
     */
    Matcher awaitOut(Pattern p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (out) {
            while (true) {
                for (; seen < out.size(); seen++) {
                    Matcher m = p.matcher(out.get(seen));
                    if (m.find()) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !outReader.isAlive())) {
                    throw new AssertionError((process.isAlive() ? "no line matching '" + p + "' within " + timeout
                            : "pdistation exited (" + process.exitValue() + ") before printing a line matching '"
                            + p + "'") + "\n" + transcript());
                }
                out.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Asks it to stop as Ctrl-C or a service manager does (SIGTERM: shutdown hooks run); true if it ended in time. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills it as a power cut or {@code kill -9} would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("pdistation survived SIGKILL for 10 s");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Every stdout line so far, once the process has ended then complete. */
    List<String> out() throws InterruptedException {
        awaitReaders();
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() throws InterruptedException {
        awaitReaders();
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    private void awaitReaders() throws InterruptedException {
        if (!process.isAlive()) {
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
        }
    }

    /** Everything printed so far (once the process has ended, all of it), for assertion messages. */
    String transcript() {
        try {
            awaitReaders();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder b = new StringBuilder("--- stdout:\n");
        synchronized (out) {
            out.forEach(l -> b.append(l).append('\n'));
        }
        b.append("--- stderr:\n");
        synchronized (err) {
            err.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
