package org.pdistation.imaging.media.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** The verifier on a conformant file-set and on copies of it, each with one planted defect. */
class MediaVerifierTest {
    @TempDir
    Path root;

    private VerifyReport verify() throws IOException {
        return MediaVerifier.verify(root, VerifyOptions.DEFAULT);
    }

    private static String text(VerifyReport r) {
        return r.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
    }

    private static void assertFires(VerifyReport r, int rule, String fragment) {
        assertTrue(r.hasErrors(), text(r));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule() == rule && f.severity() == Severity.ERROR
                && f.format().contains(fragment)), "R" + rule + " '" + fragment + "' expected in:\n" + text(r));
    }

    @Test
    void aConformantCdFileSetHasNoErrorsAndDcentvfyAgrees() throws IOException {
        GoodFileSet.create(root);
        VerifyReport r = verify();
        assertFalse(r.hasErrors(), text(r));
        assertEquals(Profile.STD_GEN_CD, r.profile());
        assertEquals(6, r.filesVerified(), "4 images, README.TXT, DICOMDIR");
        assertTrue(r.summary().endsWith("profile STD-GEN-CD: conformant"), r.summary());
        assertTrue(r.satisfied().contains(Profile.STD_GEN_DVD_J2K), r.satisfied().toString());

        Path dcentvfy = Peers.require("dcentvfy");
        Peers.Result v = Peers.run(Duration.ofSeconds(60), dcentvfy.toString(), root.resolve("DICOMDIR").toString());
        assertFalse((v.stdout() + v.stderr()).contains("Error"), v.stdout() + v.stderr());
        Path dcmdump = Peers.require("dcmdump");
        Peers.run(Duration.ofSeconds(60), dcmdump.toString(), root.resolve("DICOMDIR").toString()).requireSuccess();
    }

    @Test
    void aViewerFolderWithLongNamesGivesOneWarningPerTopFolderOnACd() throws IOException {
        GoodFileSet.create(root);
        for (String f : List.of("pdistation-linux-x64/bin/pdistation", "pdistation-linux-x64/lib/app/pdistation.jar",
                "pdistation-linux-x64/lib/runtime/lib/modules", "LINUX.SH")) {
            Path p = root.resolve("VIEWER").resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not DICOM");
        }
        VerifyReport r = verify();
        assertFalse(r.hasErrors(), text(r));
        List<Finding> r10 = r.findings().stream().filter(x -> x.rule() == 10).toList();
        assertEquals(2, r10.size(), text(r));
        assertTrue(r10.get(0).format().contains("'pdistation-linux-x64' is not an ISO 9660 Level 1 name"), text(r));
        assertTrue(r10.get(1).format().contains("2 more file(s) under VIEWER/"), text(r));
    }

    @Test
    void theDicomdirPathItselfIsAcceptedAsTheRoot() throws IOException {
        GoodFileSet.create(root);
        VerifyReport r = MediaVerifier.verify(root.resolve("DICOMDIR"), VerifyOptions.DEFAULT);
        assertFalse(r.hasErrors(), text(r));
    }

    @Test
    void lowerCaseNamesAreNonConformantButStillChecked() throws IOException {
        GoodFileSet.create(root);
        Files.move(root.resolve("DICOM"), root.resolve("dicom"));
        VerifyReport r = verify();
        assertFires(r, 11, "resolves only through the variant 'dicom/ST000001/SE000001/IM000001'");
        assertFires(r, 11, "dicom/ST000001/SE000001/IM000001: path is not a conformant File ID");
        // Still checked further: the files resolve, so nothing is missing or unreferenced.
        assertFalse(r.fires(20), text(r));
    }

    @Test
    void aMissingReferencedFileIsReported() throws IOException {
        GoodFileSet.create(root);
        Files.delete(root.resolve("DICOM/ST000001/SE000002/IM000002"));
        VerifyReport r = verify();
        assertFires(r, 20, "referenced file 'DICOM\\ST000001\\SE000002\\IM000002' does not exist");
        // For programs: the kind, and the file to look for (not the DICOMDIR where the reference was found).
        Finding f = r.findings().stream().filter(x -> x.kind() == FindingKind.MISSING_FILE).findFirst().orElseThrow();
        assertEquals(20, f.rule());
        assertEquals("DICOMDIR", f.path());
        assertEquals("DICOM/ST000001/SE000002/IM000002", f.file());
    }

    @Test
    void aNextRecordOffsetThatMissesAnItemIsReportedWithRecordAndTag() throws IOException {
        GoodFileSet.create(root);
        GoodFileSet.Rec series = GoodFileSet.first(root, "SERIES");
        long next = series.item().getLong(Tag.OffsetOfTheNextDirectoryRecord, 0);
        GoodFileSet.patchElement(root.resolve("DICOMDIR"), series.offset(), Tag.OffsetOfTheNextDirectoryRecord,
                GoodFileSet.ul(next + 2));
        VerifyReport r = verify();
        assertFires(r, 16, "DICOMDIR @" + series.offset() + " (0004,1400): offset " + (next + 2)
                + " does not land on an item of the Directory Record Sequence");
        assertFires(r, 16, "not reachable from the root");
    }

    @Test
    void anOffsetCycleIsReportedAndEnds() throws IOException {
        GoodFileSet.create(root);
        GoodFileSet.Rec study = GoodFileSet.first(root, "STUDY");
        GoodFileSet.Rec image = GoodFileSet.first(root, "IMAGE");
        // The first image's next record becomes its own study: a loop back up the tree.
        GoodFileSet.patchElement(root.resolve("DICOMDIR"), image.offset(), Tag.OffsetOfTheNextDirectoryRecord,
                GoodFileSet.ul(study.offset()));
        assertFires(verify(), 16, "DICOMDIR @" + image.offset() + " (0004,1400): offset " + study.offset()
                + " points back to a record already reached (a cycle)");
    }

    @Test
    void aDicomdirInImplicitVrIsReported() throws IOException {
        GoodFileSet.create(root);
        Path dd = root.resolve("DICOMDIR");
        DicomFile df = DicomReader.read(dd, ReadOptions.IN_MEMORY);
        Dataset meta = df.fileMeta();
        meta.setString(Tag.TransferSyntaxUID, VR.UI, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        DicomWriter.write(dd, DicomWriter.fileMeta(meta, df.dataset(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
                df.dataset(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFINED_LENGTHS);
        assertFires(verify(), 14, "DICOMDIR (0002,0010): DICOMDIR transfer syntax is '1.2.840.10008.1.2'");
    }

    @Test
    void aJpegFileOnACdProfileIsReportedAndTheDvdJpegProfileIsInferred() throws IOException {
        GoodFileSet.create(root);
        Path jpeg = SharedData.requireDicomFile("single/pydicom/SC_rgb_dcmtk_+eb+cr.dcm");
        Path target = root.resolve("DICOM/ST000002/SE000001/IM000001");
        Files.createDirectories(target.getParent());
        Files.copy(jpeg, target);
        GoodFileSet.writeDicomdir(root, Profile.STD_GEN_CD);
        VerifyReport cd = MediaVerifier.verify(root, VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD));
        assertFires(cd, 24, "DICOM/ST000002/SE000001/IM000001 (0002,0010): transfer syntax 1.2.840.10008.1.2.4.50");
        VerifyReport inferred = verify();
        assertEquals(Profile.STD_GEN_DVD_JPEG, inferred.profile(), text(inferred));
        assertFalse(inferred.fires(24), text(inferred));
    }

    @Test
    void aReferenceIntoIhePdiIsReported() throws IOException {
        GoodFileSet.create(root);
        // Same length, so no offset moves: DICOM\ST000001\ becomes IHE_PDI\ST0001\.
        assertEquals(4, GoodFileSet.replaceAll(root.resolve("DICOMDIR"), "DICOM\\ST000001\\", "IHE_PDI\\ST0001\\", 9));
        Files.createDirectories(root.resolve("IHE_PDI"));
        Files.move(root.resolve("DICOM/ST000001"), root.resolve("IHE_PDI/ST0001"));
        VerifyReport r = verify();
        assertFires(r, 5, "points into IHE_PDI");
        assertFires(r, 4, "a DICOM file under IHE_PDI");
    }

    @Test
    void aNineCharacterComponentIsReported() throws IOException {
        GoodFileSet.create(root);
        assertEquals(4, GoodFileSet.replaceAll(root.resolve("DICOMDIR"), "DICOM\\ST000001\\", "DICO\\ST0000001\\", 9));
        Files.createDirectories(root.resolve("DICO"));
        Files.move(root.resolve("DICOM/ST000001"), root.resolve("DICO/ST0000001"));
        VerifyReport r = verify();
        assertFires(r, 11, "component 2 'ST0000001' has 9 characters; 1 to 8 allowed");
        assertFalse(r.fires(20), text(r));
    }

    @Test
    void aSecondPart10FileInTheRootIsReported() throws IOException {
        GoodFileSet.create(root);
        Files.copy(root.resolve("DICOM/ST000001/SE000001/IM000001"), root.resolve("IMAGE1"));
        assertFires(verify(), 2, "IMAGE1: a DICOM file in the root directory");
    }

    @Test
    void aFileNotReferencedIsReported() throws IOException {
        GoodFileSet.create(root);
        Files.copy(root.resolve("DICOM/ST000001/SE000001/IM000001"), root.resolve("DICOM/ST000001/SE000001/IM000009"));
        VerifyReport r = verify();
        assertFires(r, 20, "DICOM/ST000001/SE000001/IM000009: DICOM file not referenced by the DICOMDIR");
        // The copy also repeats a SOP Instance UID.
        assertFires(r, 20, "is also that of DICOM/ST000001/SE000001/IM000001");
        assertTrue(r.findings().stream().anyMatch(x -> x.kind() == FindingKind.NOT_IN_DICOMDIR
                && x.file().equals("DICOM/ST000001/SE000001/IM000009")), text(r));
        assertTrue(r.findings().stream().anyMatch(x -> x.kind() == FindingKind.DUPLICATE), text(r));
    }

    @Test
    void aDuplicateSopInstanceUidInTheDicomdirIsReported() throws IOException {
        GoodFileSet.create(root);
        var images = GoodFileSet.records(root).stream().filter(x -> x.type().equals("IMAGE")).toList();
        String uid1 = images.get(0).item().getString(Tag.ReferencedSOPInstanceUIDInFile);
        String uid2 = images.get(1).item().getString(Tag.ReferencedSOPInstanceUIDInFile);
        assertEquals(uid1.length(), uid2.length());
        GoodFileSet.patchElement(root.resolve("DICOMDIR"), images.get(1).offset(), Tag.ReferencedSOPInstanceUIDInFile,
                padded(uid1));
        VerifyReport r = verify();
        assertFires(r, 20, "a second IMAGE record with the same Referenced SOP Instance UID " + uid1);
        assertFires(r, 21, "DICOMDIR @" + images.get(1).offset() + " (0004,1511): Referenced SOP Instance UID in File is '"
                + uid1 + "'");
    }

    @Test
    void aLeafWhoseSopInstanceUidDiffersFromItsFileIsReported() throws IOException {
        GoodFileSet.create(root);
        GoodFileSet.Rec image = GoodFileSet.first(root, "IMAGE");
        String uid = image.item().getString(Tag.ReferencedSOPInstanceUIDInFile);
        String wrong = uid.substring(0, uid.length() - 1) + (uid.endsWith("9") ? "8" : "9");
        GoodFileSet.patchElement(root.resolve("DICOMDIR"), image.offset(), Tag.ReferencedSOPInstanceUIDInFile,
                padded(wrong));
        assertFires(verify(), 21, "Referenced SOP Instance UID in File is '" + wrong + "', but "
                + "DICOM/ST000001/SE000001/IM000001 has '" + uid + "'");
    }

    @Test
    void aMissingType1KeyIsReported() throws IOException {
        GoodFileSet.create(root);
        GoodFileSet.Rec series = GoodFileSet.first(root, "SERIES");
        GoodFileSet.patchElement(root.resolve("DICOMDIR"), series.offset(), Tag.Modality,
                "  ".getBytes(StandardCharsets.US_ASCII));
        assertFires(verify(), 18, "DICOMDIR @" + series.offset() + " (0008,0060): SERIES record has an empty Modality");
    }

    @Test
    void anEscapingFileIdIsRefused() throws IOException {
        GoodFileSet.create(root);
        assertEquals(1, GoodFileSet.replaceAll(root.resolve("DICOMDIR"), "DICOM\\", "..\\..\\", 1));
        assertFires(verify(), 13, "Referenced File ID '..\\..\\ST000001\\SE000001\\IM000001' refused");
    }

    @Test
    void noDicomdirAndNoReadmeAreReported() throws IOException {
        GoodFileSet.create(root);
        Files.move(root.resolve("DICOMDIR"), root.resolve("dicomdir"));
        Files.move(root.resolve("README.TXT"), root.resolve("readme.txt"), StandardCopyOption.ATOMIC_MOVE);
        VerifyReport r = verify();
        assertFires(r, 1, "the DICOMDIR is named 'dicomdir'");
        assertFires(r, 3, "README.TXT is named 'readme.txt'");
        assertFalse(r.fires(20), text(r));
    }

    @Test
    void aWrongMetaGroupLengthIsReported() throws IOException {
        GoodFileSet.create(root);
        Path dd = root.resolve("DICOMDIR");
        byte[] b = Files.readAllBytes(dd);
        b[140] += 2; // (0002,0000) UL value at 132 + 8
        Files.write(dd, b);
        assertFires(verify(), 14, "File Meta Information Group Length is");
    }

    @Test
    void webContentOptionRequiresIndexAndIhePdi() throws IOException {
        GoodFileSet.create(root);
        VerifyReport r = MediaVerifier.verify(root, VerifyOptions.DEFAULT.withWebContent(true));
        assertFires(r, 4, "no INDEX.HTM");
        assertFires(r, 4, "no IHE_PDI directory");
    }

    @Test
    void maxFilesBoundsTheWalkWithAWarning() throws IOException {
        GoodFileSet.create(root);
        VerifyReport r = MediaVerifier.verify(root, VerifyOptions.DEFAULT.withMaxFiles(2));
        assertEquals(2, r.filesVerified());
        assertTrue(r.fires(20, Severity.WARNING), text(r));
    }

    private static byte[] padded(String uid) {
        String v = uid.length() % 2 == 0 ? uid : uid + "\0";
        return v.getBytes(StandardCharsets.US_ASCII);
    }
}
