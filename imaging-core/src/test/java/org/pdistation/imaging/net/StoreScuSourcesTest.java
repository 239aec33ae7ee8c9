package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** The one storage SCU: files and assembled sources on one send path, parallel associations, retries. */
class StoreScuSourcesTest {

    private static byte[] dataSet(Path file) throws IOException {
        StoreSource s = StoreSource.of(file);
        try (InputStream in = s.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void filesSentOverTwoAssociationsArriveWithByteIdenticalDataSets(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(64, 10, 7).write(dir.resolve("in"), 9);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<StoreResult> results;
        try (DicomServer s = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(out))) {
            results = new StoreScu(new RemoteAe("OURSCP", "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT)
                    .store(files, 2, r -> { });
        }
        assertEquals(9, results.size());
        results.forEach(r -> assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe()));
        Map<String, Path> got = StoreScuInteropTest.bySopInstance(out);
        for (Path f : files) {
            Path received = got.get(StoreSource.of(f).sopInstanceUid());
            assertNotNull(received, f.toString());
            assertArrayEquals(dataSet(f), dataSet(received), f.toString());
        }
    }

    @Test
    void smallPeerPduSplitsTheFileIntoManyPdvsThatReassembleExactly(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(64, 10, 8).write(dir.resolve("in"), 2);
        Path out = Files.createDirectories(dir.resolve("out"));
        try (DicomServer s = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT.withMaxPduLength(1024)), new FolderSink(out))) {
            List<StoreResult> results = new StoreScu(new RemoteAe("OURSCP", "127.0.0.1", s.port()), "PDI",
                    NetOptions.DEFAULT).store(files, 1, r -> { });
            results.forEach(r -> assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe()));
        }
        Map<String, Path> got = StoreScuInteropTest.bySopInstance(out);
        for (Path f : files) {
            assertArrayEquals(dataSet(f), dataSet(got.get(StoreSource.of(f).sopInstanceUid())));
        }
    }

    @Test
    void sendingFromAVirtualThreadGoesThroughTheDirectBufferAndArrivesExactly(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(64, 10, 12).write(dir.resolve("in"), 3);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<StoreScu.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        try (DicomServer s = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT.withMaxPduLength(4096)), new FolderSink(out))) {
            StoreScu scu = new StoreScu(new RemoteAe("OURSCP", "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT);
            List<StoreSource> sources = new ArrayList<>();
            for (Path f : files) {
                sources.add(StoreSource.of(f));
            }
            Thread.ofVirtual().start(() -> scu.storeOn(sources, sent::add)).join();
        }
        assertEquals(3, sent.size());
        sent.forEach(x -> assertEquals(StoreResult.Outcome.STORED, x.result().outcome(), x.result().describe()));
        Map<String, Path> got = StoreScuInteropTest.bySopInstance(out);
        for (Path f : files) {
            assertArrayEquals(dataSet(f), dataSet(got.get(StoreSource.of(f).sopInstanceUid())));
        }
    }

    /** A data set held in memory: the kind of source that is not a file as it is (no slice). */
    private record MemorySource(StoreSource of, byte[] bytes) implements StoreSource {
        @Override public Path file() { return of.file(); }
        @Override public String sopClassUid() { return of.sopClassUid(); }
        @Override public String sopInstanceUid() { return of.sopInstanceUid(); }
        @Override public String transferSyntaxUid() { return of.transferSyntaxUid(); }
        @Override public long length() { return bytes.length; }
        @Override public InputStream open() { return new ByteArrayInputStream(bytes); }
        @Override public byte[] transcoded(TransferSyntax target) throws IOException, FrameException {
            return of.transcoded(target);
        }
    }

    @Test
    void assembledSourceIsStreamedAndItsResultNamesIt(@TempDir Path dir) throws Exception {
        Path file = new SyntheticCtStudy(64, 10, 9).write(dir.resolve("in"), 1).get(0);
        MemorySource src = new MemorySource(StoreSource.of(file), dataSet(file));
        assertNull(src.slice());
        Path out = Files.createDirectories(dir.resolve("out"));
        List<StoreScu.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        try (DicomServer s = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(out))) {
            new StoreScu(new RemoteAe("OURSCP", "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT)
                    .send(List.of(src), 1, sent::add);
        }
        assertEquals(1, sent.size());
        assertEquals(src, sent.get(0).source());
        assertEquals(StoreResult.Outcome.STORED, sent.get(0).result().outcome());
        assertArrayEquals(src.bytes(), dataSet(StoreScuInteropTest.bySopInstance(out).get(src.sopInstanceUid())));
    }

    /** Answers A700 (out of resources) to the first attempt of every instance, stores the next. */
    private static final class BusySink implements StorageSink {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Override
        public Status store(StoreRequest request, InputStream data) throws IOException {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            int n = attempts.computeIfAbsent(request.sopInstanceUid(), k -> new AtomicInteger()).incrementAndGet();
            return n == 1 ? new Status(0xA700) : Status.SUCCESS;
        }
    }

    @Test
    void outOfResourcesIsRetriedAfterTheBackOffAndThenStored(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 10, 10).write(dir.resolve("in"), 4);
        BusySink sink = new BusySink();
        try (DicomServer s = DicomServer.start(new DicomServer.Config("BUSY", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), sink)) {
            Requestor to = new Requestor(new RemoteAe("BUSY", "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT);
            List<StoreResult> results = new StoreScu(to, new StoreScu.Retry(2, Duration.ofMillis(20)))
                    .store(files, 2, r -> { });
            assertEquals(4, results.size());
            results.forEach(r -> assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe()));
            sink.attempts.values().forEach(n -> assertEquals(2, n.get()));

            sink.attempts.clear();
            List<StoreScu.Sent> once = Collections.synchronizedList(new ArrayList<>());
            new StoreScu(to, StoreScu.Retry.NONE).send(files.stream().map(f -> {
                try {
                    return StoreSource.of(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList(), 1, once::add);
            assertEquals(4, once.size());
            once.forEach(x -> {
                assertEquals(0xA700, x.result().status().code());
                assertTrue(x.transientFailure(), x.result().describe());
            });
        }
    }

    @Test
    void noPeerListeningIsATransientFailureReportedOncePerSourceAfterTheRetries(@TempDir Path dir)
            throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 10, 11).write(dir.resolve("in"), 3);
        int port = org.pdistation.imaging.testing.Peers.freeLoopbackPort();
        List<StoreScu.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        new StoreScu(new Requestor(new RemoteAe("NOBODY", "127.0.0.1", port), "PDI", NetOptions.DEFAULT),
                new StoreScu.Retry(2, Duration.ofMillis(50))).send(List.of(StoreSource.of(files.get(0)),
                StoreSource.of(files.get(1)), StoreSource.of(files.get(2))), 1, sent::add);
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(150).toNanos(), "waited 50 + 100 ms between tries");
        assertEquals(3, sent.size());
        sent.forEach(x -> {
            assertTrue(x.transientFailure());
            assertTrue(x.result().error().startsWith("cannot connect"), x.result().error());
        });
    }

    @Test
    void moreSopClassesThanContextsGoOnASecondAssociation() throws Exception {
        List<StoreSource> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 50 classes x 3 syntaxes (own JPEG Baseline + two uncompressed) = 150 contexts > 128.
            many.add(new FakeSource("1.2.3.4." + i, "1.2.3.4.5." + i));
        }
        List<StoreSource> left = StoreAssociation.run(new Requestor(new RemoteAe("X", "127.0.0.1",
                org.pdistation.imaging.testing.Peers.freeLoopbackPort()), "PDI", NetOptions.DEFAULT), many, s -> { });
        assertEquals(50 - 42, left.size(), "42 sources x 3 contexts = 126 fit, the rest wait");
        assertFalse(left.contains(many.get(0)));
    }

    private record FakeSource(String sopClassUid, String sopInstanceUid) implements StoreSource {
        @Override public Path file() { return Path.of("fake"); }
        @Override public String transferSyntaxUid() { return "1.2.840.10008.1.2.4.50"; }
        @Override public long length() { return 0; }
        @Override public InputStream open() { return InputStream.nullInputStream(); }
        @Override public byte[] transcoded(TransferSyntax target) { return new byte[0]; }
    }
}
