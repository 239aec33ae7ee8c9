package org.pdistation.viewer.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.FindingKind;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.i18n.Messages;

/** The verifier's findings become one plain sentence each, in English and Japanese. */
class MediumCheckTest {
    private final Messages english = new Messages(Locale.ENGLISH);
    private final Messages japanese = new Messages(Locale.JAPANESE);

    @Test
    void aGoodDiscHasNoProblems(@TempDir Path disc) throws Exception {
        BrokenDiscs.good(disc, 3);
        MediumCheck.Result r = new MediumCheck(english).check(disc);
        assertEquals(0, r.serious(), () -> r.problems().toString());
    }

    @Test
    void aDiscWithAMissingAndALowerCaseFileSaysSoInWords(@TempDir Path disc) throws Exception {
        BrokenDiscs.broken(disc);
        MediumCheck.Result r = new MediumCheck(english).check(disc);
        List<String> sentences = r.problems().stream().map(MediumProblem::sentence).toList();
        assertTrue(sentences.contains("The DICOMDIR lists a file that is not on the disc."), sentences::toString);
        assertTrue(sentences.contains("The DICOMDIR names a file differently from its name on the disc (for example in "
                + "lower case)."), sentences::toString);
        MediumProblem missing = r.problems().stream().filter(p -> p.sentence().contains("not on the disc"))
                .findFirst().orElseThrow();
        assertEquals("R20", missing.rule());
        // The file column names the missing file, not the DICOMDIR whose record lists it.
        assertTrue(missing.file().startsWith("DICOM/") && !missing.file().contains("\\"), missing.file());
        assertTrue(missing.detail().contains("does not exist"), missing.detail());
        assertTrue(r.serious() >= 2, () -> r.problems().toString());
        assertFalse(sentences.stream().anyMatch(s -> s.startsWith("!")), sentences::toString);
    }

    @Test
    void thePydicomSetIsCheckedAndItsRootFilesReported() throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        MediumCheck.Result r = new MediumCheck(japanese).check(set);
        assertTrue(r.serious() > 0);
        // R2: the set keeps its DICOMDIR variants in the root, beside the DICOMDIR.
        assertTrue(r.problems().stream().anyMatch(p -> p.rule().equals("R2")
                && p.sentence().equals("DICOMDIR しか置けないディスクの最上位フォルダに DICOM ファイルがあります。")
                && p.file().equals("DICOMDIR-implicit")), () -> r.problems().toString());
        // Serious problems come before the remarks.
        int lastSerious = -1, firstRemark = Integer.MAX_VALUE;
        for (int i = 0; i < r.problems().size(); i++) {
            if (r.problems().get(i).serious()) lastSerious = i;
            else firstRemark = Math.min(firstRemark, i);
        }
        assertTrue(lastSerious < firstRemark);
    }

    @Test
    void everyFindingKindHasASentenceInBothLanguages() {
        for (Messages m : List.of(english, japanese)) {
            ProblemSentences s = new ProblemSentences(m);
            java.util.Set<String> sentences = new java.util.HashSet<>();
            for (FindingKind kind : FindingKind.values()) {
                String key = ProblemSentences.key(kind);
                assertFalse(m.get(key).startsWith("!"), m.locale() + " " + kind + " " + key);
                Finding f = new Finding(kind.rule(), Severity.ERROR, "A", -1, null, "x", kind, null);
                assertEquals(m.get(key), s.sentence(f));
                sentences.add(s.sentence(f));
            }
            // Rule 20's faults are told apart: each has a sentence of its own.
            assertEquals(5, java.util.stream.Stream.of(FindingKind.MISSING_FILE, FindingKind.NOT_IN_DICOMDIR,
                    FindingKind.NO_FILE_REFERENCED, FindingKind.DUPLICATE, FindingKind.PARTIAL)
                    .map(k -> m.get(ProblemSentences.key(k))).distinct().count());
        }
    }

    @Test
    void theSentenceFollowsTheKindNotTheEnglishText() {
        Finding f = new Finding(20, Severity.ERROR, "DICOMDIR", 400, null, "whatever the words",
                FindingKind.MISSING_FILE, "DICOM/IM1");
        assertEquals("The DICOMDIR lists a file that is not on the disc.", new ProblemSentences(english).sentence(f));
        assertEquals("DICOM/IM1", new ProblemSentences(english).of(f).file());
        // A finding made without a kind gets its rule's general one, about its own path.
        Finding plain = new Finding(23, Severity.ERROR, "DICOMDIR", 10, null, "icon is 10x10");
        assertEquals(FindingKind.ICON, plain.kind());
        assertEquals("DICOMDIR", plain.file());
    }

    @Test
    void aFolderOfLooseFilesIsNotADiscToCheck(@TempDir Path folder) throws Exception {
        new org.pdistation.imaging.synth.SyntheticCtStudy(16, 2, 1).write(folder, 2);
        assertFalse(MediumCheck.applies(folder));
        assertFalse(MediumCheck.applies(null));
        assertTrue(MediumCheck.applies(SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests")));
    }
}
