package org.pdistation.imaging.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/**
 * One directory record of a DICOMDIR (PS3.3 F.3.2.2) with the records of its lower level.
 *
 * <p>The children list is filled by the reader while building the tree; callers see it read-only.
 */
public final class DirectoryRecord {
    private final RecordType type;
    private final String rawType;
    private final long offset;
    private final Dataset keys;
    private final Path referencedFile;
    private final List<DirectoryRecord> children = new ArrayList<>();

    /**
     * @param rawType         (0004,1430) as written, kept for UNKNOWN types
     * @param offset          file offset of the record item's (FFFE,E000) tag, or -1
     * @param keys            the record item itself
     * @param referencedFile  the resolved (0004,1500) file, or null when absent or refused
     */
    public DirectoryRecord(RecordType type, String rawType, long offset, Dataset keys, Path referencedFile) {
        this.type = type;
        this.rawType = rawType == null ? "" : rawType.strip();
        this.offset = offset;
        this.keys = keys;
        this.referencedFile = referencedFile;
    }

    public RecordType type() { return type; }

    public String rawType() { return rawType; }

    public long offset() { return offset; }

    public Dataset keys() { return keys; }

    public Path referencedFile() { return referencedFile; }

    public List<DirectoryRecord> children() { return Collections.unmodifiableList(children); }

    void addChild(DirectoryRecord child) {
        children.add(child);
    }

    /** The UID or ID that identifies this record's entity: Patient ID, Study/Series/SOP Instance UID. */
    public String key() {
        return switch (type) {
            case PATIENT -> keys.getString(Tag.PatientID);
            case STUDY -> keys.getString(Tag.StudyInstanceUID);
            case SERIES -> keys.getString(Tag.SeriesInstanceUID);
            default -> keys.getString(Tag.ReferencedSOPInstanceUIDInFile);
        };
    }

    @Override
    public String toString() {
        return (type == RecordType.UNKNOWN ? rawType : type.code()) + "@" + offset;
    }
}
