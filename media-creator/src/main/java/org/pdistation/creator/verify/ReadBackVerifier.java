package org.pdistation.creator.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.pdistation.creator.stage.StagedFile;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.target.WrittenMedium;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.imaging.media.FileSetTree;

/**
 * Reads a written medium back: the same files as staged (names; SHA-256 of every file unless the medium was made by
 * renaming the staged files themselves), the DICOMDIR parses without errors and references exactly the DICOM files
 * present, then the pluggable {@link MediumCheck}s. Returns the errors; empty means the medium is good.
 */
public final class ReadBackVerifier {
    private final List<MediumCheck> checks;

    public ReadBackVerifier(List<MediumCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Relative path ('/'-separated) → SHA-256 hex of every regular file under the root. */
    public static Map<String, String> digests(Path root, boolean hash, Progress progress) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                String rel = root.relativize(f).toString().replace('\\', '/');
                out.put(rel, hash ? sha256(f) : "");
                progress.update("verify", out.size(), -1);
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    public static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * @param staged      the staged folder's digests, taken before writing ({@link #digests})
     * @param dicomFiles  the DICOM files staged (their File IDs)
     */
    public List<String> verify(WrittenMedium medium, Map<String, String> staged, List<StagedFile> dicomFiles,
                               Progress progress) throws IOException {
        return verify(medium, staged, dicomFiles, progress, new ArrayList<>());
    }

    /** As {@link #verify(WrittenMedium, Map, List, Progress)}, adding the checks' warnings to {@code warnings}. */
    public List<String> verify(WrittenMedium medium, Map<String, String> staged, List<StagedFile> dicomFiles,
                               Progress progress, List<String> warnings) throws IOException {
        List<String> errors = new ArrayList<>();
        Path root = medium.root();
        Map<String, String> written = digests(root, !medium.movedByRename(), progress);
        written.keySet().removeIf(k -> k.startsWith(".pdistation-"));
        for (var e : staged.entrySet()) {
            String w = written.get(e.getKey());
            if (w == null) {
                errors.add(e.getKey() + ": staged but not on the medium");
            } else if (!medium.movedByRename() && !w.equals(e.getValue())) {
                errors.add(e.getKey() + ": SHA-256 on the medium differs from the staged file");
            }
        }
        for (String k : written.keySet()) {
            if (!staged.containsKey(k)) {
                errors.add(k + ": on the medium but not staged");
            }
        }
        checkDicomdir(root, dicomFiles, errors);
        for (MediumCheck c : checks) {
            MediumCheck.Outcome o = c.check(root);
            errors.addAll(o.errors());
            warnings.addAll(o.warnings());
        }
        return errors;
    }

    private static void checkDicomdir(Path root, List<StagedFile> dicomFiles, List<String> errors) {
        FileSetTree tree;
        try {
            tree = DicomDirReader.read(root.resolve("DICOMDIR"));
        } catch (IOException | RuntimeException e) {
            errors.add("DICOMDIR: not readable: " + e.getMessage());
            return;
        }
        for (FileSetProblem p : tree.problems()) {
            if (p.severity() == FileSetProblem.Severity.ERROR) {
                errors.add("DICOMDIR: " + p.describe());
            }
        }
        Set<String> referenced = new HashSet<>();
        for (DirectoryRecord r : tree.allRecords()) {
            String[] id = r.keys().getStrings(Tag.ReferencedFileID);
            if (id.length == 0) {
                continue;
            }
            String rel = String.join("/", id);
            if (!referenced.add(rel)) {
                errors.add("DICOMDIR: " + rel + " referenced twice");
            }
            if (r.referencedFile() == null || !Files.isRegularFile(r.referencedFile())) {
                errors.add("DICOMDIR: references " + rel + ", which is not on the medium");
            }
        }
        Set<String> expected = new HashSet<>();
        for (StagedFile f : dicomFiles) {
            expected.add(String.join("/", f.fileId()));
        }
        for (String e : expected) {
            if (!referenced.contains(e)) {
                errors.add("DICOMDIR: " + e + " is on the medium but not referenced");
            }
        }
        for (String r : referenced) {
            if (!expected.contains(r)) {
                errors.add("DICOMDIR: references " + r + ", which was not staged");
            }
        }
    }
}
