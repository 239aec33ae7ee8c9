package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/** Orthanc with our archive in its DicomModalities: C-FIND (REST query) and C-MOVE (REST retrieve) from us. */
class ArchiveOrthancTest {
    @TempDir
    Path dir;

    @Test
    void orthancQueriesAndRetrievesFromTheArchive() throws Exception {
        Path orthanc = Peers.require("Orthanc");
        int dicomPort = Peers.freeLoopbackPort();
        int httpPort = Peers.freeLoopbackPort();
        try (Archive archive = Archive.open(dir.resolve("archive"))) {
            for (int seed = 1; seed <= 2; seed++) {
                for (Path f : new SyntheticCtStudy(32, 3, seed).write(Files.createDirectories(dir.resolve("s" + seed)),
                        3)) {
                    archive.addFile(f, "T");
                }
            }
            int instances = archive.index().allInstances().size();
            AccessPolicy access = new AccessPolicy(Set.of(),
                    Map.of("ORTHANC", new RemoteAe("ORTHANC", "127.0.0.1", dicomPort)));
            try (DicomServer ours = ArchiveServer.start(archive, "ARCH", "127.0.0.1", 0, access, NetOptions.DEFAULT,
                    l -> { })) {
                Path cfg = Files.writeString(dir.resolve("orthanc.json"), """
                        {
                          "Name": "pdi-archive-test",
                          "StorageDirectory": "%s",
                          "IndexDirectory": "%s",
                          "RemoteAccessAllowed": false,
                          "AuthenticationEnabled": false,
                          "HttpPort": %d,
                          "DicomPort": %d,
                          "DicomAet": "ORTHANC",
                          "DicomCheckCalledAet": false,
                          "DicomModalities": { "arch": [ "ARCH", "127.0.0.1", %d ] },
                          "Plugins": []
                        }
                        """.formatted(dir.resolve("storage"), dir.resolve("index"), httpPort, dicomPort,
                        ours.port()));
                Process p = new ProcessBuilder(orthanc.toString(), cfg.toString()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
                try {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    waitForHttp(http, httpPort, p);
                    String q = post(http, httpPort, "/modalities/arch/query",
                            "{\"Level\":\"Study\",\"Query\":{\"PatientName\":\"*\",\"StudyInstanceUID\":\"\"}}");
                    Matcher m = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"").matcher(q);
                    assertTrue(m.find(), q);
                    String id = m.group(1);
                    String answers = get(http, httpPort, "/queries/" + id + "/answers");
                    assertEquals(2, answers.replaceAll("[^0-9,]", "").split(",").length, answers);
                    // Orthanc 1.10 fails (HTTP 500) on a bare AE string body; the object form works.
                    post(http, httpPort, "/queries/" + id + "/retrieve",
                            "{\"TargetAet\":\"ORTHANC\",\"Synchronous\":true}");
                    String ids = get(http, httpPort, "/instances");
                    assertEquals(instances, jsonStrings(ids).size(), ids + "\n" + Files.readString(
                            dir.resolve("orthanc.log")));
                    assertTrue(archive.index().auditTrail().stream().anyMatch(r -> "ORTHANC".equals(r.callingAet())
                            && r.what().contains("C_MOVE_RQ")));
                } finally {
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static String post(HttpClient http, int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static List<String> jsonStrings(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void waitForHttp(HttpClient http, int port, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("Orthanc exited with " + p.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/system")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Orthanc did not answer on port " + port);
    }
}
