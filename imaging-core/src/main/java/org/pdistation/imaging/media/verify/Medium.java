package org.pdistation.imaging.media.verify;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdistation.imaging.media.Profile;

/** Everything the checks share for one medium: the walk, the DICOMDIR, the record tree and the findings. */
final class Medium {
    final Path root;
    final VerifyOptions options;
    final Findings findings;
    final List<MediumFile> files;
    final boolean walkTruncated;
    final Map<String, MediumFile> byRel = new HashMap<>();
    /** The DICOMDIR file as found (maybe under a wrong-case name), or null when there is none. */
    Path dicomdirPath;
    DicomDirFile dicomdir;
    DirTree tree;
    Profile profile;
    Set<Profile> satisfied = EnumSet.noneOf(Profile.class);

    Medium(Path root, VerifyOptions options, Findings findings, MediumWalker.Walk walk) {
        this.root = root;
        this.options = options;
        this.findings = findings;
        this.files = walk.files();
        this.walkTruncated = walk.truncated();
        for (MediumFile f : files) {
            byRel.put(f.rel(), f);
        }
    }

    String dicomdirRel() {
        return dicomdir != null ? dicomdir.rel() : "DICOMDIR";
    }
}
