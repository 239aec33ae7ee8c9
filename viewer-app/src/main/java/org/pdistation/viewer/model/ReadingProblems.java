package org.pdistation.viewer.model;

import java.nio.file.Path;

import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.viewer.i18n.Messages;

/**
 * Says a problem met while reading a medium in a plain sentence, followed by the file (relative to the medium) and
 * the reader's technical text for whoever needs the details: "A file listed in the DICOMDIR is not on the medium.
 * (DICOMDIR, record at offset 1070: referenced file ... not found)".
 */
final class ReadingProblems {
    private final Messages messages;
    private final Path root;

    /** @param root the medium's root folder, against which files are named (null: names as they are) */
    ReadingProblems(Messages messages, Path root) {
        this.messages = messages;
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    String describe(FileSetProblem p) {
        String where = p.file() == null ? "" : name(p.file());
        if (p.offset() >= 0) where = messages.format("read.where.record", where, p.offset());
        return where.isEmpty() ? messages.format("read.problem.noFile", messages.get(key(p)), p.message())
                : messages.format("read.problem", messages.get(key(p)), where, p.message());
    }

    /** The problem in words, with the File ID of the referenced file when it is one that is not there. */
    ReadingProblem read(FileSetProblem p) {
        return new ReadingProblem(describe(p), missingFileId(p));
    }

    /**
     * The File ID of a DICOMDIR reference whose file is not there, '/'-separated, or null. DicomDirReader writes it
     * into its message as the record's Referenced File ID (0004,1500), components joined with '\' (PS3.10 8.2).
     */
    static String missingFileId(FileSetProblem p) {
        if (!key(p).equals("read.missing")) return null;
        String m = p.message();
        int from = "referenced file".length(), to = m.length() - "not found".length();
        String id = from < to ? m.substring(from, to).strip() : "";
        return id.isEmpty() ? null : id.replace('\\', '/');
    }

    static String key(FileSetProblem p) {
        String m = p.message();
        if (m.startsWith("Referenced File ID refused")) return "read.escaping";
        if (m.startsWith("referenced file") && m.endsWith("not found")) return "read.missing";
        if (m.startsWith("unreadable")) return "read.unreadable";
        if (m.startsWith("DICOM file without SOP")) return "read.noUid";
        return "read.other";
    }

    private String name(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return root != null && f.startsWith(root) && !f.equals(root) ? root.relativize(f).toString().replace('\\', '/')
                : f.toString();
    }
}
