package org.pdistation.imaging.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.archive.index.InstanceRecord;
import org.pdistation.imaging.archive.index.StoredInstance;
import org.pdistation.imaging.archive.store.ArchiveStore;
import org.pdistation.imaging.archive.store.StagedFile;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.StorageSink;

/**
 * The local archive (issue 7): files under {@code root/objects} ({@link ArchiveStore}) and the SQLite index
 * {@code root/index.sqlite} ({@link ArchiveIndex}). A file is renamed into place before its index row commits, so
 * after a kill the only possible disagreement is a complete file without a row, which {@link #check} indexes.
 */
public final class Archive implements Closeable {
    private final ArchiveStore store;
    private final ArchiveIndex index;
    private final ConflictPolicy conflicts;
    /** Serialises "look up, rename into place, index" per archive so two senders of one UID cannot interleave. */
    private final Object commitLock = new Object();

    private Archive(ArchiveStore store, ArchiveIndex index, ConflictPolicy conflicts) {
        this.store = store;
        this.index = index;
        this.conflicts = conflicts;
    }

    public static Archive open(Path root) throws IOException {
        return open(root, ConflictPolicy.KEEP_FIRST);
    }

    /** With the default {@link Durability#OS_CACHE}: survives a killed process, not a power loss. */
    public static Archive open(Path root, ConflictPolicy conflicts) throws IOException {
        return open(root, conflicts, Durability.OS_CACHE);
    }

    public static Archive open(Path root, ConflictPolicy conflicts, Durability durability) throws IOException {
        ArchiveStore store = new ArchiveStore(root, durability == Durability.FSYNC);
        try {
            return new Archive(store, ArchiveIndex.open(store.root().resolve("index.sqlite")), conflicts);
        } catch (SQLException e) {
            throw new IOException("cannot open the archive index in " + store.root() + ": " + e.getMessage(), e);
        }
    }

    public ArchiveStore store() {
        return store;
    }

    public ArchiveIndex index() {
        return index;
    }

    /**
     * Stores one instance whose data set bytes (in {@code request.transferSyntaxUid()}) come from {@code dataset};
     * {@code source} is the calling AE title or the medium. An IOException from the stream leaves nothing behind.
     */
    public IngestOutcome ingest(StorageSink.StoreRequest request, InputStream dataset, String source)
            throws IOException {
        StagedFile staged = store.stage(FolderSink.header(request), dataset);
        boolean kept = false;
        try {
            DicomFile f = DicomReader.read(staged.temp(), ReadOptions.HEADER_ONLY);
            Dataset ds = f.dataset();
            String sop = ds.getString(Tag.SOPInstanceUID);
            if (sop == null || !sop.strip().equals(request.sopInstanceUid())) {
                throw new IllegalArgumentException("SOP Instance UID in the data set (" + sop
                        + ") differs from the request's " + request.sopInstanceUid());
            }
            String path = ArchiveStore.relativePath(require(ds, Tag.StudyInstanceUID, "Study Instance UID"),
                    require(ds, Tag.SeriesInstanceUID, "Series Instance UID"), sop.strip());
            InstanceRecord rec = InstanceRecord.of(ds, request.sopClassUid(), request.transferSyntaxUid(), path,
                    staged.size(), staged.datasetOffset(), staged.datasetSha256(), Instant.now(), source);
            synchronized (commitLock) {
                Optional<StoredInstance> existing = index.findInstance(rec.instance().sopUid());
                if (existing.isPresent()) {
                    if (existing.get().checksum().equals(staged.datasetSha256())) {
                        return IngestOutcome.DUPLICATE;
                    }
                    if (conflicts == ConflictPolicy.KEEP_FIRST) {
                        return IngestOutcome.CONFLICT_KEPT_FIRST;
                    }
                    store.commit(staged, path);
                    kept = true;
                    index.replace(rec);
                    if (!existing.get().path().equals(path)) {
                        store.delete(existing.get().path());
                    }
                    return IngestOutcome.REPLACED;
                }
                // The file is in place before the row commits (see the class comment).
                store.commit(staged, path);
                kept = true;
                index.insert(rec);
                return IngestOutcome.STORED;
            }
        } catch (SQLException e) {
            throw new IOException("archive index: " + e.getMessage(), e);
        } finally {
            if (!kept) {
                store.discard(staged);
            }
        }
    }

    private static String require(Dataset ds, int tag, String what) {
        String v = ds.getString(tag);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("data set has no " + what);
        }
        return v.strip();
    }

    /** Imports one Part 10 file (from a folder or a medium), keeping its data set bytes as they are. */
    public IngestOutcome addFile(Path file, String source) throws IOException {
        FileMeta meta = FileMeta.read(file);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(meta.datasetOffset());
            return ingest(new StorageSink.StoreRequest(null, null, meta.sopClassUid(), meta.sopInstanceUid(),
                    meta.transferSyntaxUid()), in, source);
        }
    }

    /** Deletes a study's rows, then its files; returns how many instances went. */
    public int deleteStudy(String studyUid) throws IOException {
        List<StoredInstance> gone;
        synchronized (commitLock) {
            try {
                gone = index.deleteStudy(studyUid);
            } catch (SQLException e) {
                throw new IOException("archive index: " + e.getMessage(), e);
            }
        }
        for (StoredInstance i : gone) {
            store.delete(i.path());
        }
        return gone.size();
    }

    /**
     * Evicts unpinned studies, least recently received first, until the archive holds at most {@code maxBytes};
     * returns the evicted study UIDs.
     */
    public List<String> enforceQuota(long maxBytes) throws IOException {
        List<String> evicted = new ArrayList<>();
        try {
            long total = index.totalSize();
            for (ArchiveIndex.StudySize s : index.studiesOldestFirst()) {
                if (total <= maxBytes) {
                    break;
                }
                if (s.pinned()) {
                    continue;
                }
                deleteStudy(s.studyUid());
                total -= s.sizeBytes();
                evicted.add(s.studyUid());
            }
        } catch (SQLException e) {
            throw new IOException("archive index: " + e.getMessage(), e);
        }
        return evicted;
    }

    /**
     * Brings files and index into agreement: removes temporaries, drops rows whose file is gone, indexes complete
     * files that have no row (or removes them when unreadable); with {@code deep}, re-hashes every data set.
     */
    public CheckReport check(boolean deep) throws IOException {
        synchronized (commitLock) {
            int temps = store.removeTemporaries();
            List<StoredInstance> rows;
            try {
                rows = index.allInstances();
            } catch (SQLException e) {
                throw new IOException("archive index: " + e.getMessage(), e);
            }
            Set<String> onDisk = new HashSet<>(store.listFiles());
            Map<String, StoredInstance> byPath = new HashMap<>();
            List<String> missing = new ArrayList<>();
            List<String> mismatched = new ArrayList<>();
            for (StoredInstance r : rows) {
                byPath.put(r.path(), r);
                if (!onDisk.contains(r.path())) {
                    missing.add(r.sopUid());
                    try {
                        index.removeInstance(r.sopUid());
                    } catch (SQLException e) {
                        throw new IOException("archive index: " + e.getMessage(), e);
                    }
                } else if (deep && !ArchiveStore.sha256(store.resolve(r.path()), r.datasetOffset())
                        .equals(r.checksum())) {
                    mismatched.add(r.sopUid());
                }
            }
            List<String> unindexed = new ArrayList<>();
            for (String path : onDisk) {
                if (!byPath.containsKey(path)) {
                    unindexed.add(path);
                    reindex(path);
                }
            }
            return new CheckReport(missing, unindexed, mismatched, temps);
        }
    }

    /** A complete file without a row (a kill between rename and commit): index it, or remove it if unreadable. */
    private void reindex(String path) throws IOException {
        Path file = store.resolve(path);
        try {
            FileMeta meta = FileMeta.read(file);
            DicomFile f = DicomReader.read(file, ReadOptions.HEADER_ONLY);
            String source = f.fileMeta().getString(Tag.SourceApplicationEntityTitle);
            InstanceRecord rec = InstanceRecord.of(f.dataset(), meta.sopClassUid(), meta.transferSyntaxUid(), path,
                    Files.size(file), meta.datasetOffset(), ArchiveStore.sha256(file, meta.datasetOffset()),
                    Files.getLastModifiedTime(file).toInstant(), source);
            index.insert(rec);
        } catch (IOException | RuntimeException | SQLException e) {
            store.delete(path);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
