package org.pdistation.creator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.TestFileSets;
import org.pdistation.imaging.testing.Peers;

/** The web content as a browser sees it: headless Chromium loads every page and its images from a local server. */
class WebContentChromiumTest {
    @TempDir
    Path tmp;

    /** Serves the file-set root read-only and records the status of every request path. */
    private static final class RecordingServer implements AutoCloseable {
        final HttpServer server;
        final Map<String, Integer> status = new ConcurrentHashMap<>();
        final Path root;

        RecordingServer(Path root) throws IOException {
            this.root = root;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Peers.freeLoopbackPort()), 16);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String rel) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + rel;
        }

        private void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            int code = file.startsWith(root) && Files.isRegularFile(file) ? 200 : 404;
            status.merge(path, code, Math::max);
            byte[] body = code == 200 ? Files.readAllBytes(file) : new byte[0];
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            ex.getResponseHeaders().set("Content-Type", name.endsWith(".HTM") ? "text/html; charset=UTF-8"
                    : name.endsWith(".PNG") ? "image/png" : name.endsWith(".CSS") ? "text/css"
                    : "text/plain; charset=UTF-8");
            ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Peers.Result chromium(Path chromium, String... args) throws IOException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return Peers.run(Duration.ofSeconds(90), cmd);
    }

    @Test
    void everyPageAndImageLoadsWithoutA404AndTheJapaneseNameShows() throws IOException {
        Path chromium = Peers.require("chromium");
        Path root = TestFileSets.mixed(tmp.resolve("set")).toAbsolutePath().normalize();
        WebContentWriter.write(root, new WebContentOptions("Test Hospital", LocalDate.of(2026, 11, 20), false, "en"));
        List<Path> pages = WebPages.reachable(root);
        assertEquals(16, pages.size());
        try (RecordingServer server = new RecordingServer(root)) {
            for (Path page : pages) {
                String rel = root.relativize(page).toString().replace('\\', '/');
                Peers.Result r = chromium(chromium, "--dump-dom", server.url(rel)).requireSuccess();
                assertTrue(r.stdout().contains("</html>"), rel + ": " + r.stderr());
                if (rel.equals("INDEX.HTM")) {
                    assertTrue(r.stdout().contains(TestFileSets.JAPANESE_NAME), r.stdout());
                    assertTrue(r.stdout().contains("&lt;script&gt;"), "the hostile name must stay text");
                }
            }
            server.status.remove("/favicon.ico"); // the browser's own guess, not a link of ours
            server.status.forEach((path, code) -> assertEquals(200, code, path + " answered " + code));
            for (Path page : pages) {
                for (String href : WebPages.links(WebPages.parse(page))) {
                    Path target = page.getParent().resolve(href).normalize();
                    String path = "/" + root.relativize(target).toString().replace('\\', '/');
                    assertTrue(server.status.containsKey(path) || Files.isRegularFile(target),
                            page + " links " + href + ", neither requested nor present");
                    if (href.endsWith(".PNG") && !href.contains("/I")) {
                        assertEquals(200, server.status.get(path), "thumbnail " + path + " not loaded");
                    }
                }
            }
            Path shots = Path.of("target", "web-preview");
            Files.createDirectories(shots);
            for (String rel : List.of("INDEX.HTM", "IHE_PDI/P0000003/S0000001/S0000001.HTM")) {
                Path shot = shots.resolve(rel.replace('/', '_') + ".png").toAbsolutePath();
                chromium(chromium, "--screenshot=" + shot, "--window-size=1024,768", "--hide-scrollbars",
                        server.url(rel)).requireSuccess();
                assertTrue(Files.size(shot) > 1000);
            }
        }
        Peers.Result file = chromium(chromium, "--dump-dom", root.resolve("INDEX.HTM").toUri().toString())
                .requireSuccess();
        assertTrue(file.stdout().contains(TestFileSets.JAPANESE_NAME), "file:// " + file.stdout());
    }
}
