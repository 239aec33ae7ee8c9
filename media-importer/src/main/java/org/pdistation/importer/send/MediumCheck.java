package org.pdistation.importer.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.Medium;

/**
 * The identity of a medium, journalled with the job, and the check that a resume runs against the same medium:
 * the same File-set (PS3.10 7.2: the DICOMDIR's Media Storage SOP Instance UID names the File-set; File-set ID
 * (0004,1130) as well) and, for every instance still to send, a file with the journalled content.
 */
public final class MediumCheck {
    private MediumCheck() {}

    /** What the journal keeps about the medium; {@code rootName} replaces the root for non-default file systems. */
    public static Journal.MediumIdentity identify(Medium medium, String rootName) {
        String uid = null;
        String id = null;
        if (medium.dicomdir() != null) {
            try {
                DicomFile dd = DicomReader.read(medium.dicomdir(), ReadOptions.HEADER_ONLY);
                uid = dd.fileMeta().getString(Tag.MediaStorageSOPInstanceUID);
                id = dd.dataset().getString(Tag.FileSetID);
            } catch (IOException | RuntimeException unreadable) {
                // the medium was opened with it; an unreadable header leaves the content check alone
            }
        }
        return new Journal.MediumIdentity(medium.description(), rootName != null ? rootName
                : medium.root().toString(), strip(uid), strip(id));
    }

    /** The path of {@code file} relative to the medium root, '/'-separated (any file system provider). */
    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    public static Path resolve(Path root, String relative) {
        Path p = root;
        for (String part : relative.split("/")) {
            if (!part.isEmpty()) {
                p = p.resolve(part);
            }
        }
        return p;
    }

    /**
     * Refuses to resume {@code job} against {@code root} unless it is the journalled medium: same File-set UID and
     * ID, and each pending instance's file present with the journalled SHA-256.
     */
    public static void verify(Journal.Job job, Path root, List<Journal.Row> pending) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("cannot resume import job " + job.id() + ": the medium root " + root
                    + " is not there; open the medium again and give its root");
        }
        if (job.filesetUid() != null) {
            Path dd = FileSetOpener.findDicomdir(root);
            String uid = null;
            String id = null;
            if (dd != null) {
                DicomFile df = DicomReader.read(dd, ReadOptions.HEADER_ONLY);
                uid = strip(df.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
                id = strip(df.dataset().getString(Tag.FileSetID));
            }
            if (!job.filesetUid().equals(uid) || !Objects.equals(job.filesetId(), id)) {
                throw new IOException("refusing to resume import job " + job.id() + ": it was made from File-set UID "
                        + job.filesetUid() + " (File-set ID " + job.filesetId() + ") but the medium at " + root
                        + (dd == null ? " has no DICOMDIR" : " is File-set UID " + uid + " (File-set ID " + id + ")")
                        + "; insert the original medium");
            }
        }
        for (Journal.Row r : pending) {
            Path f = resolve(root, r.path());
            if (!Files.isRegularFile(f)) {
                throw new IOException("refusing to resume import job " + job.id() + ": " + r.path()
                        + " is not on the medium at " + root + "; insert the original medium");
            }
            if (r.hash() != null && !ContentHash.matches(r.hash(), f)) {
                throw new IOException("refusing to resume import job " + job.id() + ": " + r.path() + " on the medium"
                        + " at " + root + " differs from the file journalled; insert the original medium");
            }
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
