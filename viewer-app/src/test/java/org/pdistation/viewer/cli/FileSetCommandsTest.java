package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;

/** {@code ls}, {@code dicomdir} and {@code bench} as a user runs them. */
class FileSetCommandsTest extends InProcessCli {
    @Test
    void listsTheSeriesOfAMediumFromItsDicomdirAsTsv() {
        Path dir = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        assertEquals(0, run("ls", "--format", "tsv", dir.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("patient_id\tpatient_name\tstudy_uid\tstudy_date\tseries_uid\tmodality\tinstances", lines.get(0));
        // The pydicom test file-set: 2 patients, 13 series, 31 images (dicomdata/README.md).
        assertEquals(13, lines.size() - 1, out.toString());
        int instances = lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf('\t') + 1))).sum();
        assertEquals(31, instances);
        assertTrue(lines.stream().allMatch(l -> l.split("\t", -1).length == 7), out.toString());
    }

    @Test
    void buildsADicomdirThatLsThenReads(@TempDir Path root) throws Exception {
        new SyntheticCtStudy(32, 2, 7).write(root, 5);
        assertEquals(0, run("dicomdir", "--profile", "STD-GEN-CD", root.toString()), err.toString());
        assertTrue(Files.exists(root.resolve("DICOMDIR")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("ls", "--format", "tsv", root.resolve("DICOMDIR").toString()), err.toString());
        List<String> rows = out.toString().lines().skip(1).toList();
        assertEquals(3, rows.size(), out.toString());
        assertTrue(rows.get(0).startsWith("SYN7\tPhantom^Synthetic\t"), rows.get(0));
        assertTrue(rows.stream().allMatch(r -> r.contains("\tCT\t")), out.toString());
    }

    @Test
    void refusesAnUnknownProfileAsAUsageError(@TempDir Path root) {
        assertEquals(2, run("dicomdir", "--profile", "STD-NOPE", root.toString()));
    }

    @Test
    void benchIndexPrintsNameOursPeerRatioLines(@TempDir Path work) {
        assertEquals(0, run("bench", "index", "20", "--pairs", "1", "--warmup", "0", "--work", work.toString()),
                err.toString());
        List<String> figures = out.toString().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(3, figures.size(), out.toString());
        for (String l : figures) {
            String[] f = l.split(" ");
            assertTrue(f[0].startsWith("index-20") || f[0].startsWith("read-"), l);
            Double.parseDouble(f[1]);
        }
    }
}
