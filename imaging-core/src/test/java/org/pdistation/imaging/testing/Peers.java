package org.pdistation.imaging.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The independent DICOM implementations that interoperability tests check us against (DCMTK, dicom3tools,
 * pydicom, GDCM, Orthanc, xorriso), found on this machine and run as processes.
 *
 * <p>The rule for a missing peer: locally the test is skipped (a JUnit assumption), so a developer without the
 * Debian packages can still build; when the environment variable {@code CI=true} it fails, so CI can never pass by
 * skipping. {@code .ci/run} installs every peer.
 */
public final class Peers {

    /** The Debian interpreter, which has {@code python3-pydicom}; a pyenv or venv python on PATH may not. */
    public static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    /** Folders searched after PATH, because a non-root PATH often lacks them (Orthanc lives in /usr/sbin). */
    private static final List<Path> SBIN = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/sbin"), Path.of("/sbin"));

    private Peers() {
    }

    /** What a finished peer process gave back; its output decoded as UTF-8 (malformed bytes replaced). */
    public record Result(int exitCode, String stdout, String stderr) {

        /** This result when the exit code is 0; otherwise an AssertionError carrying the output. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr);
            }
            return this;
        }
    }

    /** Whether this run is CI's ({@code CI=true}), where a missing peer or missing data is an error. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Ends the calling test because something it needs is missing: a skip locally, a failure when {@code CI=true}.
     * Never returns normally.
     */
    public static RuntimeException unavailable(String what) {
        if (isCi()) {
            throw new AssertionError(what + " — required when CI=true");
        }
        Assumptions.abort(what + " — test skipped (it fails when CI=true)");
        throw new IllegalStateException("unreachable");
    }

    /**
     * The executable {@code name} (e.g. "dcmdump", "dciodvfy", "dcentvfy", "gdcmconv", "xorriso", "Orthanc") from
     * PATH, or from the sbin folders; skips or fails the test when it is absent.
     */
    public static Path require(String executable) {
        Set<Path> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.addAll(SBIN);
        for (Path dir : dirs) {
            Path candidate = dir.resolve(executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw unavailable("interoperability peer '" + executable + "' not found on PATH"
                + " (install the Debian peers listed in README.md; .ci/run does)");
    }

    /**
     * {@code /usr/bin/python3}, after checking that {@code import pydicom} works in it; skips or fails the test
     * otherwise.
     */
    public static Path requirePydicom() {
        if (!Files.isExecutable(SYSTEM_PYTHON)) {
            throw unavailable("interoperability peer " + SYSTEM_PYTHON + " not found");
        }
        Result probe;
        try {
            probe = run(Duration.ofSeconds(60), List.of(SYSTEM_PYTHON.toString(), "-c", "import pydicom"));
        } catch (AssertionError | UncheckedIOException e) {
            throw unavailable("could not run " + SYSTEM_PYTHON + ": " + e.getMessage());
        }
        if (probe.exitCode() != 0) {
            throw unavailable("pydicom is not importable in " + SYSTEM_PYTHON + " (Debian package python3-pydicom): "
                    + probe.stderr().strip());
        }
        return SYSTEM_PYTHON;
    }

    /** Same as {@link #run(Duration, List)}. */
    public static Result run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    /**
     * Runs {@code command} to completion with {@code TCP_NODELAY=1} in its environment (DCMTK otherwise waits
     * ~40 ms per message on loopback) and an empty standard input, reading stdout and stderr fully and at the same
     * time, so a peer that writes much to both cannot deadlock.
     *
     * @throws AssertionError when the process outlives {@code timeout}: it and all its descendants are killed first
     * @throws UncheckedIOException when the process cannot be started
     */
    public static Result run(Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TCP_NODELAY", "1");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        StreamDrain out = StreamDrain.start(process.getInputStream(), "peer-stdout");
        StreamDrain err = StreamDrain.start(process.getErrorStream(), "peer-stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
        if (!finished) {
            killTree(process);
            throw new AssertionError("peer timed out after " + timeout + " and was killed: " + command
                    + "\n--- stdout so far:\n" + out.finish() + "\n--- stderr so far:\n" + err.finish());
        }
        return new Result(process.exitValue(), out.finish(), err.finish());
    }

    /**
     * A TCP port on the loopback interface that was free a moment ago (bound and released), for a peer or a test
     * server to listen on. Another process may take it in between; tests that can should let the server bind port
     * 0 instead.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Kills the process and every descendant it had, through the process's own handle. */
    private static void killTree(Process process) {
        ProcessHandle handle = process.toHandle();
        // Descendants first, collected while the parent still lives (an orphan is no longer its descendant).
        List<ProcessHandle> descendants = new ArrayList<>(handle.descendants().toList());
        handle.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the caller reports the timeout either way
        }
    }

    /** Reads one stream to its end on a daemon thread. */
    private static final class StreamDrain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private StreamDrain(InputStream in, String name) {
            this.thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> copy(in, bytes));
        }

        static StreamDrain start(InputStream in, String name) {
            StreamDrain drain = new StreamDrain(in, name);
            drain.thread.start();
            return drain;
        }

        private static void copy(InputStream in, OutputStream sink) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream closes when the process is killed; keep what was read
            }
        }

        /** Waits (bounded: a grandchild that escaped may hold the pipe) for the end of the stream. */
        String finish() {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
