package org.pdistation.imaging.archive.service;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.GetScu;
import org.pdistation.imaging.net.MoveScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.RetrieveResult;

/**
 * Retrieve for burning (issue 7 item 4): C-FIND the studies matching some keys on a remote PACS, then bring each into
 * the archive, by C-MOVE to our own running archive SCP (the PACS must know our AE) or by C-GET into the archive
 * directly. Answers the study UIDs now held locally, which media-creator can burn.
 */
public final class ArchiveRetriever {
    public enum Method { MOVE, GET }

    /** The studies held locally after the retrieve, and what failed (study UID and status). */
    public record Result(List<String> localStudies, List<String> failures) {
        public Result {
            localStudies = List.copyOf(localStudies);
            failures = List.copyOf(failures);
        }
    }

    private final Archive archive;
    private final RemoteAe pacs;
    private final String ourAet;
    private final String moveDestination;
    private final NetOptions options;

    /** @param ourAet our AE title: the calling AE, and with MOVE the destination (our archive SCP) */
    public ArchiveRetriever(Archive archive, RemoteAe pacs, String ourAet, NetOptions options) {
        this(archive, pacs, ourAet, ourAet, options);
    }

    /**
     * @param moveDestination the C-MOVE destination AE title: the archive SCP serving this archive as the PACS knows
     *                        it (it files the instances; this class only checks the index afterwards)
     */
    public ArchiveRetriever(Archive archive, RemoteAe pacs, String ourAet, String moveDestination,
                            NetOptions options) {
        this.archive = archive;
        this.pacs = pacs;
        this.ourAet = RemoteAe.checkAet(ourAet);
        this.moveDestination = RemoteAe.checkAet(moveDestination);
        this.options = options;
    }

    /** {@code keys}: study-level matching keys (e.g. Patient ID, Accession Number, Study Date). */
    public Result retrieve(Dataset keys, Method method) throws IOException {
        Dataset q = keys.copy();
        q.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        if (!q.contains(Tag.StudyInstanceUID)) {
            q.setBytes(Tag.StudyInstanceUID, VR.UI, new byte[0]);
        }
        FindScu.Result found = new FindScu(pacs, ourAet, options).find(QueryModel.STUDY_ROOT, q);
        Set<String> studies = new LinkedHashSet<>();
        for (Dataset m : found.matches()) {
            String uid = m.getString(Tag.StudyInstanceUID);
            if (uid != null && !uid.isBlank()) {
                studies.add(uid.strip());
            }
        }
        return retrieveStudies(studies, method);
    }

    /** Retrieves the named studies without querying first (the UIDs are known, e.g. from a worklist or a clerk). */
    public Result retrieveStudies(Collection<String> studies, Method method) throws IOException {
        List<String> local = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String study : studies) {
            Dataset k = new Dataset();
            k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            k.setString(Tag.StudyInstanceUID, VR.UI, study);
            RetrieveResult r = method == Method.MOVE
                    ? new MoveScu(pacs, ourAet, options).move(QueryModel.STUDY_ROOT, moveDestination, k)
                    : new GetScu(pacs, ourAet, options).get(QueryModel.STUDY_ROOT, k, new ArchiveSink(archive));
            if (!r.status().isSuccess()) {
                failures.add(study + ": " + r.describe());
            }
            try {
                if (!archive.index().instancesOfStudy(study).isEmpty()) {
                    local.add(study);
                }
            } catch (SQLException e) {
                throw new IOException("archive index: " + e.getMessage(), e);
            }
        }
        return new Result(local, failures);
    }
}
