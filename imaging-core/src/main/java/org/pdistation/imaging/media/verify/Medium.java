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
    private final List<String> nestedSets = new java.util.ArrayList<>();
    /** The DICOMDIR file as found (maybe under a wrong-case name), or null when there is none. */
    Path dicomdirPath;
    DicomDirFile dicomdir;
    DirTree tree;
    Profile profile;
    Set<Profile> satisfied = EnumSet.noneOf(Profile.class);
    /** An image's ISO 9660 primary tree files when the walk reads its Joliet or UDF tree, else null. */
    Set<String> level1Files;

    Medium(Path root, VerifyOptions options, Findings findings, MediumWalker.Walk walk) {
        this.root = root;
        this.options = options;
        this.findings = findings;
        this.files = walk.files();
        this.walkTruncated = walk.truncated();
        for (MediumFile f : files) {
            byRel.put(f.rel(), f);
            String name = f.rel().substring(f.rel().lastIndexOf('/') + 1);
            if (!f.inRoot() && name.equalsIgnoreCase("DICOMDIR")) {
                nestedSets.add(f.rel().substring(0, f.rel().length() - name.length()));
            }
        }
    }

    /**
     * True for a file below a folder that holds its own DICOMDIR: another file-set, reported once under rule 1
     * and not checked file by file as part of this one.
     */
    boolean inNestedFileSet(MediumFile f) {
        for (String prefix : nestedSets) {
            if (f.rel().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    String dicomdirRel() {
        return dicomdir != null ? dicomdir.rel() : "DICOMDIR";
    }
}
