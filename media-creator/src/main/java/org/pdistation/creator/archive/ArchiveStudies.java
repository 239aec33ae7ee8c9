package org.pdistation.creator.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.index.StoredInstance;

/**
 * Media-creator input from the local archive (issue 7 item 4, "hand the studies to media-creator"): the stored files
 * of the instances the index lists for each study, which {@link org.pdistation.creator.plan.SelectionReader} reads
 * like any other files.
 */
public final class ArchiveStudies {
    private ArchiveStudies() {
    }

    /**
     * @throws IOException naming the study (its UID, not the patient) when the archive holds none of its instances,
     *                     or when a file the index lists is missing (the archive needs {@code archive check})
     */
    public static List<Path> files(Archive archive, Collection<String> studyUids) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String study : studyUids) {
            List<StoredInstance> instances;
            try {
                instances = archive.index().instancesOfStudy(study.strip());
            } catch (SQLException e) {
                throw new IOException("archive index: " + e.getMessage(), e);
            }
            if (instances.isEmpty()) {
                throw new IOException("the archive holds no study " + study.strip()
                        + " (never received, deleted or evicted)");
            }
            int missing = 0;
            for (StoredInstance i : instances) {
                Path f = archive.store().resolve(i.path());
                if (Files.isRegularFile(f)) {
                    out.add(f);
                } else {
                    missing++;
                }
            }
            if (missing > 0) {
                // A partial study must not go on a disc as if it were whole.
                throw new IOException(missing + " of the " + instances.size() + " files of study " + study.strip()
                        + " are missing from the archive folder; run 'pdistation archive check'");
            }
        }
        return out;
    }
}
