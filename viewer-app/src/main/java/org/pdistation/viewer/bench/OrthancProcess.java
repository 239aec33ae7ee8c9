package org.pdistation.viewer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A fresh Orthanc on loopback for the import benchmark: own storage folder, free ports, TCP_NODELAY=1 in its
 * environment (PERFORMANCE.md), stopped through its own process handle.
 */
final class OrthancProcess implements AutoCloseable {
    private final Process process;
    private final int dicomPort;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OrthancProcess(Process process, int dicomPort, int httpPort) {
        this.process = process;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
    }

    static OrthancProcess start(Path executable, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int dicom = freePort();
        int web = freePort();
        Path cfg = Files.writeString(dir.resolve("orthanc.json"), """
                {"Name": "bench", "StorageDirectory": "%s", "IndexDirectory": "%s", "RemoteAccessAllowed": false,
                 "AuthenticationEnabled": false, "HttpPort": %d, "DicomPort": %d, "DicomAet": "ORTHANC",
                 "DicomCheckCalledAet": false, "Plugins": []}
                """.formatted(dir.resolve("storage"), dir.resolve("index"), web, dicom));
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        OrthancProcess o = new OrthancProcess(pb.start(), dicom, web);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!o.process.isAlive()) {
                throw new IOException("Orthanc exited with " + o.process.exitValue() + "; see " + dir);
            }
            try {
                if (o.get("/system").statusCode() == 200) {
                    return o;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        o.close();
        throw new IOException("Orthanc did not answer within 30 s; see " + dir);
    }

    int dicomPort() { return dicomPort; }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Instances stored, from /statistics. */
    int instanceCount() throws IOException, InterruptedException {
        String body = get("/statistics").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IOException("unexpected /statistics answer: " + body);
        }
        return Integer.parseInt(m.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
