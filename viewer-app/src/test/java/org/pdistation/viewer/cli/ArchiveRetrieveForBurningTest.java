package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.Peers;

/**
 * Issue 7 item 4, retrieve for burning, against Orthanc: one study uploaded over REST comes in by C-GET, another sent
 * with storescu by C-MOVE to a storage SCP the command runs itself; then one ISO is made from both archive studies.
 */
class ArchiveRetrieveForBurningTest extends InProcessCli {
    @TempDir
    Path tmp;

    @Test
    void studiesRetrievedFromOrthancByGetAndMoveGoOnOneVerifiedIso() throws Exception {
        Peers.require("storescu");
        int stationPort = Peers.freeLoopbackPort();
        List<Path> first = new SyntheticCtStudy(32, 3, 11).write(Files.createDirectories(tmp.resolve("a")), 3);
        List<Path> second = new SyntheticCtStudy(32, 4, 12).write(Files.createDirectories(tmp.resolve("b")), 4);
        String uid1 = studyUid(first.get(0));
        String uid2 = studyUid(second.get(0));
        Path orthancDir = Files.createDirectories(tmp.resolve("orthanc"));
        String arch = tmp.resolve("arch").toString();
        try (OrthancPeer orthanc = OrthancPeer.start(orthancDir,
                "\"DicomModalities\": { \"station\": [ \"STATION\", \"127.0.0.1\", " + stationPort + " ] }")) {
            for (Path f : first) {
                orthanc.upload(f);
            }
            Peers.run(Duration.ofSeconds(60), "storescu", "-aet", "MODALITY", "-aec", "ORTHANC", "+sd", "+r",
                    "127.0.0.1", String.valueOf(orthanc.dicomPort()), tmp.resolve("b").toString()).requireSuccess();
            assertEquals(7, orthanc.instances().size());
            String pacs = "ORTHANC@127.0.0.1:" + orthanc.dicomPort();

            assertEquals(0, runAlone("archive", "retrieve", "--dir", arch, "--from", pacs, "--aet", "STATION", "--get",
                    "--study", uid1), out + "\n" + err + "\n" + orthanc.log());
            assertTrue(out.toString().contains("1 of 1 studies in the archive"), out.toString());
            assertEquals(0, runAlone("archive", "retrieve", "--dir", arch, "--from", pacs, "--aet", "STATION",
                    "--move-dest", "STATION", "--port", String.valueOf(stationPort), "--study", uid2),
                    out + "\n" + err + "\n" + orthanc.log());
            assertTrue(out.toString().contains("1 of 1 studies in the archive"), out.toString());
        }
        assertEquals(0, runAlone("archive", "ls", "--dir", arch, "--level", "instance"), err.toString());
        assertTrue(out.toString().contains("7 instance rows"), out.toString());
        assertEquals(0, runAlone("archive", "check", "--dir", arch), out + "\n" + err);

        Path iso = tmp.resolve("out/both.iso");
        assertEquals(0, runAlone("create", "--archive", arch, "--archive-study", uid1, uid2, "--iso", iso.toString()),
                out + "\n" + err);
        try (OpenedMedium m = OpenedMedium.open(iso)) {
            VerifyReport r = MediaVerifier.verify(m.root(), VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD));
            assertFalse(r.hasErrors(), r.summary());
            try (Stream<Path> files = Files.walk(m.root().resolve("DICOM"))) {
                assertEquals(7, files.filter(Files::isRegularFile).count());
            }
        }
        assertEquals(1, runAlone("create", "--archive", arch, "--archive-study", "1.2.3.999", "--iso",
                tmp.resolve("none.iso").toString()));
        assertTrue(err.toString().contains("holds no study 1.2.3.999"), err.toString());
    }

    private static String studyUid(Path f) throws Exception {
        return DicomReader.read(f, ReadOptions.HEADER_ONLY).dataset().getString(Tag.StudyInstanceUID).strip();
    }
}
