package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks a PDI medium (or any DICOM file-set) against PDI-REQUIREMENTS.md sections A-D and reports every problem
 * with its rule number, file, record offset and tag.
 *
 * <p>Only {@link Files} is used on the root, so the same verifier runs on a folder, a mounted disc, or the root of
 * a read-only ISO 9660 {@link java.nio.file.FileSystem}. Instance files are read up to their pixel data only; the
 * DICOMDIR is read up to {@link VerifyOptions#maxDicomdirBytes()}; at most {@link VerifyOptions#maxFiles()} files
 * are examined, so a 4 GB DVD or a hostile DICOMDIR is verified in bounded time and memory.
 */
public final class MediaVerifier {
    private static final List<Check> CHECKS = List.of(
            new RootEntryChecks(),
            new MetaChecks(),
            new OffsetChecks(),
            new TransferSyntaxChecks(), // judges the profile that the name and key checks depend on
            new NameChecks(),
            new HierarchyChecks(),
            new ReferenceChecks(),
            new IconChecks());

    private MediaVerifier() {}

    /**
     * @param root a folder holding a DICOMDIR, or the DICOMDIR itself
     * @throws IOException only when the root itself cannot be walked; everything on the medium becomes a finding
     */
    public static VerifyReport verify(Path root, VerifyOptions options) throws IOException {
        Path dir = root;
        Path dicomdir = null;
        if (Files.isRegularFile(root)) {
            dir = root.toAbsolutePath().getParent();
            dicomdir = root.toAbsolutePath();
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder or DICOMDIR: " + root);
        }
        dir = dir.toAbsolutePath().normalize();
        Findings findings = new Findings();
        MediumWalker.Walk walk = MediumWalker.walk(dir, options.maxFiles(), findings);
        Medium m = new Medium(dir, options, findings, walk);
        m.level1Files = Level1Tree.filesBeside(dir, options.maxFiles());
        m.dicomdirPath = dicomdir != null ? dicomdir : findDicomdir(dir);
        if (m.dicomdirPath != null) {
            String rel = MediumWalker.rel(dir, m.dicomdirPath);
            try {
                m.dicomdir = DicomDirFile.read(m.dicomdirPath, rel, options.maxDicomdirBytes());
            } catch (IOException | RuntimeException e) {
                findings.error(FindingKind.DICOMDIR_UNREADABLE, 14, rel, -1, null, "cannot be read: " + e.getMessage());
            }
        }
        for (Check c : CHECKS) {
            try {
                c.run(m);
            } catch (RuntimeException e) {
                // A check that trips over input it did not foresee must not hide the others' findings.
                findings.error(FindingKind.CHECK_FAILED, 0, "", -1, null, c.getClass().getSimpleName() + " failed: " + e);
            }
        }
        return new VerifyReport(findings.kept(), findings.errors(), findings.warnings(), findings.dropped(),
                walk.files().size(), m.profile, m.satisfied);
    }

    /** The root's DICOMDIR: the exact name, else a case or ISO 9660 variant (which rule 1 then reports). */
    private static Path findDicomdir(Path dir) throws IOException {
        Path exact = dir.resolve("DICOMDIR");
        if (Files.isRegularFile(exact, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (p.getFileName().toString().equals("DICOMDIR")) {
                        return p;
                    }
                }
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toUpperCase(Locale.ROOT);
                if ((n.equals("DICOMDIR") || n.equals("DICOMDIR.") || n.equals("DICOMDIR;1") || n.equals("DICOMDIR.;1"))
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    return p;
                }
            }
        }
        return null;
    }
}
