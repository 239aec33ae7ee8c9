package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** A PDI-like file-set (CT files, DICOMDIR, README.TXT, INDEX.HTM, IHE_PDI/) and helpers to compare trees. */
final class IsoFixture {
    static final String FILE_SET_ID = "PDI_ISO_TEST";
    static final Instant CREATED = Instant.parse("2026-11-20T10:15:30Z");

    private IsoFixture() {}

    static Path fileSet(Path root) throws IOException {
        Files.createDirectories(root);
        new SyntheticCtStudy(64, 4, 7).write(root, 10);
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, FILE_SET_ID));
        Files.writeString(root.resolve("README.TXT"), "PDI Station test medium\r\n", StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("INDEX.HTM"), "<html><body>index</body></html>\r\n");
        Path ihe = Files.createDirectories(root.resolve("IHE_PDI"));
        Files.writeString(ihe.resolve("INDEX.HTM"), "<html><body>IHE PDI</body></html>\r\n");
        Files.write(ihe.resolve("EMPTY.TXT"), new byte[0]);
        // one file of several sectors whose length is not a multiple of 2048
        byte[] odd = new byte[3 * 2048 + 77];
        for (int i = 0; i < odd.length; i++) odd[i] = (byte) (i * 31 + 7);
        Files.write(ihe.resolve("ODD.BIN"), odd);
        return root;
    }

    static IsoOptions options(boolean joliet) {
        return new IsoOptions(FILE_SET_ID, FILE_SET_ID, IsoOptions.PDI_STATION, IsoOptions.PDI_STATION, joliet,
                CREATED);
    }

    /** Relative "/"-separated names of every regular file under {@code root}, sorted. */
    static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                List<String> parts = new ArrayList<>();
                for (Path n : root.relativize(p)) parts.add(n.toString());
                out.add(String.join("/", parts));
            });
        }
        out.sort(null);
        return out;
    }

    /** Every file of {@code expected} exists in {@code actual} (any file system) with the same bytes. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        List<String> names = files(expected);
        assertEquals(names, files(actual));
        for (String n : names) {
            Path a = actual;
            for (String part : n.split("/")) a = a.resolve(part);
            assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(a), n);
        }
    }
}
