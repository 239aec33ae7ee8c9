package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.ReadProblem;

/**
 * Reads a DICOMDIR (PS3.3 F.3, Basic Directory IOD) into a {@link FileSetTree}.
 *
 * <p>The hierarchy comes from the record offsets (PS3.3 F.3.2.1): the root entity's first record, each record's
 * next record, and each record's lower-level entity. Every offset must land on the (FFFE,E000) tag of an item of
 * the Directory Record Sequence; one that does not, or one that comes back to a record already seen, ends that
 * chain with a problem. Everything is iterative, so a hostile DICOMDIR cannot drive the reader into a stack
 * overflow or an endless loop: each record is visited at most once.
 *
 * <p>When the offsets are absent (all zero) but records exist, the tree is rebuilt from the sequence order and
 * the record types (PATIENT > STUDY > SERIES > instance), and a warning says so.
 */
public final class DicomDirReader {
    private DicomDirReader() {}

    public static FileSetTree read(Path dicomdir) throws IOException {
        Path file = dicomdir.toAbsolutePath().normalize();
        DicomFile df = DicomReader.read(file, ReadOptions.BULK_BY_REFERENCE);
        List<FileSetProblem> problems = new ArrayList<>();
        for (ReadProblem p : df.problems()) {
            problems.add(new FileSetProblem(p.severity() == ReadProblem.Severity.ERROR
                    ? FileSetProblem.Severity.ERROR : FileSetProblem.Severity.WARNING, file, -1,
                    "offset " + p.offset() + (p.tag() != -1 ? " " + Tag.toString(p.tag()) : "") + ": " + p.message()));
        }
        Dataset ds = df.dataset();
        String sopClass = df.fileMeta().getString(Tag.MediaStorageSOPClassUID);
        if (sopClass != null && !UID.MediaStorageDirectoryStorage.equals(sopClass)) {
            problems.add(FileSetProblem.warning(file, -1,
                    "Media Storage SOP Class UID is " + sopClass + ", not Media Storage Directory Storage"));
        }
        String fileSetId = ds.getString(Tag.FileSetID, "");
        String descriptor = null;
        String[] desc = ds.getStrings(Tag.FileSetDescriptorFileID);
        if (desc.length > 0) {
            descriptor = String.join("/", desc);
        }
        Path root = file.getParent();
        Sequence records = ds.getSequence(Tag.DirectoryRecordSequence);
        List<DirectoryRecord> roots = new ArrayList<>();
        if (records == null) {
            problems.add(FileSetProblem.error(file, -1, "no Directory Record Sequence (0004,1220)"));
        } else if (!records.isEmpty()) {
            Builder b = new Builder(file, root, records, problems);
            long first = ds.getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0);
            if (first == 0 || !b.anyOffsets()) {
                problems.add(FileSetProblem.warning(file, -1,
                        "record offsets missing; hierarchy rebuilt from sequence order and record types"));
                b.fromSequenceOrder(roots);
            } else {
                b.fromOffsets(first, roots);
            }
        }
        return new FileSetTree(file, root, fileSetId, df.fileMeta().getString(Tag.MediaStorageSOPInstanceUID),
                descriptor, roots, problems);
    }

    /** Builds records from the sequence items; one instance per read. */
    private static final class Builder {
        private final Path file;
        private final Sequence items;
        private final List<FileSetProblem> problems;
        private final Map<Long, Integer> byOffset = new HashMap<>();
        private final FileIdResolver resolver;

        Builder(Path file, Path root, Sequence items, List<FileSetProblem> problems) throws IOException {
            this.file = file;
            this.items = items;
            this.problems = problems;
            this.resolver = new FileIdResolver(root);
            for (int i = 0; i < items.size(); i++) {
                long pos = items.get(i).streamPosition();
                if (pos >= 0) {
                    byOffset.put(pos, i);
                }
            }
        }

        boolean anyOffsets() {
            for (Dataset item : items) {
                if (item.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0) != 0
                        || item.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0) != 0) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inactive(Dataset item) {
            // PS3.3 F.3.2.2: 0000H means the record is inactive; readers ignore it and everything below it.
            return item.contains(Tag.RecordInUseFlag) && item.getInt(Tag.RecordInUseFlag, 0xFFFF) == 0;
        }

        /** A pending chain of records: the first offset and the record it belongs under (null: root). */
        private record Chain(long offset, DirectoryRecord parent, long from) {}

        void fromOffsets(long first, List<DirectoryRecord> roots) {
            BitSet visited = new BitSet(items.size());
            Map<Long, Boolean> referenced = new HashMap<>();
            for (Dataset item : items) {
                referenced.put(item.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0), Boolean.TRUE);
                referenced.put(item.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0), Boolean.TRUE);
            }
            if (referenced.containsKey(first) && byOffset.containsKey(first) && hasUnreferencedHead(referenced)) {
                // The root offset names a record that another record also points to: the root offset is stale
                // (e.g. records reordered without updating it). Start from the chains that nothing points to.
                problems.add(FileSetProblem.warning(file, -1, "offset of the first root record (" + first
                        + ") points into a lower level; roots taken from records that nothing references"));
            } else {
                follow(new Chain(first, null, -1), roots, visited);
            }
            int orphans = 0;
            for (int i = 0; i < items.size(); i++) {
                Dataset item = items.get(i);
                long pos = item.streamPosition();
                if (!visited.get(i) && !inactive(item) && !referenced.containsKey(pos)) {
                    // PS3.3 F.3.2.1 has no place for such a record; recover it at the root rather than lose it.
                    orphans++;
                    follow(new Chain(pos, null, -1), roots, visited);
                }
            }
            if (orphans > 0) {
                problems.add(FileSetProblem.warning(file, -1,
                        orphans + " record chain(s) not reachable from the root; added at the root level"));
            }
            int active = 0;
            for (int i = 0; i < items.size(); i++) {
                if (!visited.get(i) && !inactive(items.get(i))) {
                    active++;
                }
            }
            if (active > 0) {
                problems.add(FileSetProblem.warning(file, -1,
                        active + " active record(s) not reachable through the offsets; ignored"));
            }
        }

        private boolean hasUnreferencedHead(Map<Long, Boolean> referenced) {
            for (Dataset item : items) {
                if (!inactive(item) && !referenced.containsKey(item.streamPosition())) {
                    return true;
                }
            }
            return false;
        }

        /** Follows one chain and, depth first, every lower level below it; each item is visited at most once. */
        private void follow(Chain start, List<DirectoryRecord> roots, BitSet visited) {
            Deque<Chain> pending = new ArrayDeque<>();
            pending.push(start);
            while (!pending.isEmpty()) {
                Chain c = pending.pop();
                long off = c.offset();
                long from = c.from();
                while (off != 0) {
                    Integer idx = byOffset.get(off);
                    if (idx == null) {
                        problems.add(FileSetProblem.error(file, from,
                                "offset " + off + " does not land on a directory record item; chain ends here"));
                        break;
                    }
                    if (visited.get(idx)) {
                        problems.add(FileSetProblem.error(file, from,
                                "offset " + off + " points back to a record already read (cycle); chain ends here"));
                        break;
                    }
                    visited.set(idx);
                    Dataset item = items.get(idx);
                    if (!inactive(item)) {
                        DirectoryRecord r = toRecord(item, off);
                        if (c.parent() == null) {
                            roots.add(r);
                        } else {
                            c.parent().addChild(r);
                        }
                        long lower = item.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0);
                        if (lower != 0) {
                            pending.push(new Chain(lower, r, off));
                        }
                    }
                    from = off;
                    off = item.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0);
                }
            }
        }

        void fromSequenceOrder(List<DirectoryRecord> roots) {
            DirectoryRecord[] last = new DirectoryRecord[4];
            for (Dataset item : items) {
                if (inactive(item)) {
                    continue;
                }
                DirectoryRecord r = toRecord(item, item.streamPosition());
                int level = switch (r.type()) {
                    case PATIENT -> 0;
                    case STUDY -> 1;
                    case SERIES -> 2;
                    default -> 3;
                };
                DirectoryRecord parent = null;
                for (int l = level - 1; l >= 0 && parent == null; l--) {
                    parent = last[l];
                }
                if (parent == null) {
                    roots.add(r);
                } else {
                    parent.addChild(r);
                }
                last[level] = r;
                Arrays.fill(last, level + 1, last.length, null);
            }
        }

        private DirectoryRecord toRecord(Dataset item, long off) {
            String raw = item.getString(Tag.DirectoryRecordType, "");
            RecordType type = RecordType.of(raw);
            if (type == RecordType.UNKNOWN) {
                problems.add(FileSetProblem.warning(file, off,
                        "unknown directory record type '" + raw + "'; kept, its lower level is still read"));
            }
            Path ref = null;
            String[] ids = item.getStrings(Tag.ReferencedFileID);
            if (ids.length > 0) {
                FileIdResolver.Resolution res = resolver.resolve(List.of(ids));
                if (res.isRefused()) {
                    problems.add(FileSetProblem.error(file, off, "Referenced File ID refused: " + res.refusal()));
                } else if (res.missing()) {
                    problems.add(FileSetProblem.warning(file, off,
                            "referenced file " + String.join("\\", ids) + " not found"));
                } else {
                    ref = res.file();
                }
            }
            return new DirectoryRecord(type, raw, off, item, ref);
        }
    }
}
