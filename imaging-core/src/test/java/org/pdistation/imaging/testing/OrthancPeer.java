package org.pdistation.imaging.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Orthanc on loopback for interoperability tests: free ports, its own storage folder under {@code dir}, extra
 * JSON configuration options (e.g. {@code "UnknownSopClassAccepted": false}), REST helpers, and stop/restart on the
 * same storage. Stopped through its own process handle.
 */
public final class OrthancPeer implements AutoCloseable {
    private final Path executable;
    private final Path dir;
    private final String extraOptions;
    private final int dicomPort;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private OrthancPeer(Path executable, Path dir, int dicomPort, String extraOptions) throws IOException {
        this.executable = executable;
        this.dir = dir;
        this.extraOptions = extraOptions;
        this.dicomPort = dicomPort;
        this.httpPort = Peers.freeLoopbackPort();
    }

    /** Starts Orthanc (skips the test when it is not installed, outside CI); {@code extraOptions} are JSON members. */
    public static OrthancPeer start(Path dir, String extraOptions) throws Exception {
        return start(dir, Peers.freeLoopbackPort(), extraOptions);
    }

    /**
     * As {@link #start(Path, String)} on a DICOM port chosen by the caller: for a test whose own SCP must know
     * Orthanc's address before Orthanc starts (a C-MOVE destination table).
     */
    public static OrthancPeer start(Path dir, int dicomPort, String extraOptions) throws Exception {
        OrthancPeer p = new OrthancPeer(Peers.require("Orthanc"), dir, dicomPort, extraOptions);
        p.startProcess();
        return p;
    }

    public int dicomPort() { return dicomPort; }

    public int httpPort() { return httpPort; }

    private void startProcess() throws Exception {
        Path cfg = Files.writeString(dir.resolve("orthanc.json"), """
                {
                  "Name": "pdi-test",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "HttpPort": %d,
                  "DicomPort": %d,
                  "DicomAet": "ORTHANC",
                  "DicomCheckCalledAet": false,
                  "Plugins": []%s
                }
                """.formatted(dir.resolve("storage"), dir.resolve("index"), httpPort, dicomPort,
                extraOptions == null || extraOptions.isBlank() ? "" : ",\n" + extraOptions));
        process = new ProcessBuilder(executable.toString(), cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("orthanc.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Orthanc exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(request("/system"), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Orthanc HTTP port " + httpPort + " not answering within 30 s:\n" + log());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build();
    }

    /** GET as text; fails unless 200. */
    public String get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + ": HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** POST a JSON body, answer as text; fails unless 200. */
    public String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + ": HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Uploads a DICOM file over REST ({@code POST /instances}); fails unless 200. Tried once more when the connection
     * breaks before an answer: Orthanc may close a kept-alive connection just as the client reuses it, and storing
     * the same instance twice is harmless (Orthanc answers AlreadyStored).
     */
    public String upload(Path file) throws Exception {
        HttpRequest rq = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r;
        try {
            r = http.send(rq, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedUnderUs) {
            r = http.send(rq, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            throw new AssertionError("/instances: HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** GET as bytes; fails unless 200. */
    public byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** Orthanc ids of the stored instances. */
    public List<String> instances() throws Exception {
        return jsonStrings(get("/instances"));
    }

    public static List<String> jsonStrings(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Kills the process (as a crash would) and waits for it. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Starts again on the same ports and storage. */
    public void restart() throws Exception {
        kill();
        startProcess();
    }

    public String log() {
        try {
            String s = Files.readString(dir.resolve("orthanc.log"));
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
