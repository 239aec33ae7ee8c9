package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.archive.index.FindQuery;
import org.pdistation.imaging.archive.index.InstanceRecord;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.QueryLevel;

/**
 * C-FIND identifiers from an untrusted SCU with huge or odd values: each query either answers or fails with an
 * SQLException (which QueryRetrieveService turns into a failure status), within seconds; none throws anything
 * else from building the query or running it.
 */
class FindQueryOddKeysTest {
    @TempDir
    Path dir;
    ArchiveIndex index;

    @BeforeEach
    void fill() throws Exception {
        index = ArchiveIndex.open(dir.resolve("index.sqlite"));
        for (int k = 0; k < 3; k++) {
            index.insert(new InstanceRecord(new InstanceRecord.Patient("P1", "", "Doe^Jane", "19700101", "F"),
                    new InstanceRecord.Study("1.2.3", "20240101", "101500", "ACC", "S1", "desc", null),
                    new InstanceRecord.Series("1.2.3.1", "CT", 1, "series"),
                    new InstanceRecord.Instance("1.2.3.1." + k, "1.2.840.10008.5.1.4.1.1.2", k + 1,
                            "1.2.840.10008.1.2.1", "objects/x/" + k, 100, 144, "00", Instant.now(), "TEST")));
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    private record Key(int tag, VR vr, String value) {}

    @Test
    void hugeAndOddKeysAnswerOrFailWithAnSqlException() {
        String manyUids = String.join("\\", java.util.Collections.nCopies(70_000, "1.2.3"));
        String stars = "*a".repeat(40_000);
        String qmarks = "?".repeat(100_000);
        List<Key> keys = List.of(
                new Key(Tag.StudyInstanceUID, VR.UI, manyUids),
                new Key(Tag.SeriesInstanceUID, VR.UI, "\\\\\\\\"),
                new Key(Tag.PatientName, VR.PN, stars),
                new Key(Tag.PatientName, VR.PN, "=".repeat(50)),
                new Key(Tag.PatientName, VR.PN, "^^^^^=^^^=*"),
                new Key(Tag.PatientName, VR.PN, "\u0000*\u0000"),
                new Key(Tag.PatientID, VR.LO, qmarks),
                new Key(Tag.PatientID, VR.LO, "%_!'\"; DROP TABLE patient; --"),
                new Key(Tag.AccessionNumber, VR.SH, String.join("\\", java.util.Collections.nCopies(40_000, "A"))),
                new Key(Tag.StudyDate, VR.DA, "-"),
                new Key(Tag.StudyDate, VR.DA, "--"),
                new Key(Tag.StudyDate, VR.DA, "20240101-20230101-"),
                new Key(Tag.StudyTime, VR.TM, "9".repeat(10_000) + "-"),
                new Key(Tag.ModalitiesInStudy, VR.CS, String.join("\\", java.util.Collections.nCopies(40_000, "C*"))),
                new Key(Tag.NumberOfStudyRelatedInstances, VR.IS, "99999999999999999999"),
                new Key(Tag.SeriesNumber, VR.IS, "-2147483649"),
                new Key(Tag.StudyDescription, VR.LO, "*".repeat(200_000)));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<String> failures = new ArrayList<>();
            for (QueryLevel level : QueryLevel.values()) {
                for (Key k : keys) {
                    Dataset ds = new Dataset();
                    ds.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
                    ds.setString(k.tag(), k.vr(), k.value());
                    long t0 = System.nanoTime();
                    try {
                        FindQuery q = new FindQuery(level, ds, "ARCH");
                        List<Dataset> out = new ArrayList<>();
                        index.withConnection(c -> q.run(c, out::add));
                    } catch (SQLException precise) {
                        // answered as a failure status by the service
                    } catch (RuntimeException | Error e) {
                        failures.add(level + " " + Integer.toHexString(k.tag()) + ": " + e);
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (ms > 5_000) failures.add(level + " " + Integer.toHexString(k.tag()) + ": " + ms + " ms");
                }
            }
            if (!failures.isEmpty()) fail(String.join("\n", failures));
        });
    }
}
