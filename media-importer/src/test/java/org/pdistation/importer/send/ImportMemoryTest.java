package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.StorageSink;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * Issue 6 performance: memory flat while importing 5,000 instances. The import runs in a process of its own with a
 * 48 MiB heap into a local Storage SCP that only counts (faster than Orthanc); 5,000 64x64 CT slices are 40 MiB of
 * pixel data and more again of headers, so an import that kept any per-instance data beyond small journal rows would
 * run out of heap.
 */
class ImportMemoryTest {
    private static final int COUNT = 5000;

    @Test
    void fiveThousandInstancesImportInABoundedHeap(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        new SyntheticCtStudy(64, 500, 31).write(medium, COUNT);
        AtomicInteger received = new AtomicInteger();
        StorageSink counting = (request, data) -> {
            data.transferTo(OutputStream.nullOutputStream());
            received.incrementAndGet();
            return Status.SUCCESS;
        };
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("COUNTER", "127.0.0.1", 0, Set.of(), 8,
                NetOptions.DEFAULT), counting)) {
            Process child = ImportChild.command(List.of("-Xmx48m"), dir.resolve("journal.db").toString(),
                    medium.toString(), "COUNTER", Integer.toString(scp.port()), "2").start();
            String output;
            try (InputStream in = child.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(child.waitFor(240, TimeUnit.SECONDS), "child import did not end");
            } finally {
                child.destroyForcibly();
            }
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("stored " + COUNT + ", warnings 0, failed 0"), output);
            assertEquals(COUNT, received.get());
            long heap = Long.parseLong(output.lines().filter(l -> l.startsWith("heap ")).findFirst()
                    .orElseThrow(() -> new IOException(output)).substring(5).strip());
            assertTrue(heap < 32L << 20, "heap in use after the import: " + heap);
        }
    }
}
