package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.FileIdResolver;
import org.pdistation.imaging.media.RecordType;

/**
 * PDI-REQUIREMENTS A 5-6, B 11-13, C 20-22: each Referenced File ID resolves, under its exact conformant name, to a
 * DICOM file inside the file-set and outside IHE_PDI; every DICOM file is referenced exactly once; one record per
 * entity; each leaf's UIDs equal its file's; patient, study and series keys agree with the files below them.
 */
final class ReferenceChecks implements Check {
    @Override
    public void run(Medium m) {
        if (m.dicomdir == null) {
            return;
        }
        Findings f = m.findings;
        String rel = m.dicomdirRel();
        FileIdResolver resolver;
        try {
            resolver = new FileIdResolver(m.root);
        } catch (IOException e) {
            f.error(FindingKind.UNREADABLE, 20, "", -1, null, "cannot resolve references under the root: " + e.getMessage());
            return;
        }
        Map<String, Long> referencedBy = new HashMap<>();
        Map<String, Long> entityRecords = new HashMap<>();
        for (DirTree.Node n : m.tree.all) {
            unique(f, rel, n, entityRecords);
            String[] ids = n.item.getStrings(Tag.ReferencedFileID);
            if (ids.length == 0) {
                if (n.type.isLeaf()) {
                    f.warning(FindingKind.NO_FILE_REFERENCED, 20, rel, n.offset, Tag.ReferencedFileID, n.rawType()
                            + " record references no file");
                }
                continue;
            }
            String id = String.join("\\", ids);
            Optional<String> unsafe = FileIdResolver.checkSafe(List.of(ids));
            if (unsafe.isPresent()) {
                f.errorAbout(FindingKind.FILE_ID_ESCAPES, id, 13, rel, n.offset, Tag.ReferencedFileID,
                        "Referenced File ID '" + id + "' refused: "
                        + unsafe.get());
                continue;
            }
            if (ids[0].strip().equalsIgnoreCase("IHE_PDI")) {
                f.errorAbout(FindingKind.IHE_NAME, id, 5, rel, n.offset, Tag.ReferencedFileID, "Referenced File ID '" + id
                        + "' points into IHE_PDI, which DICOM references must not");
            }
            String why = NameChecks.fileIdProblem(ids);
            if (why != null) {
                f.errorAbout(FindingKind.FILE_ID_FORM, id, 11, rel, n.offset, Tag.ReferencedFileID,
                        "Referenced File ID '" + id + "' is not conformant: " + why);
            }
            String target = resolve(m, resolver, rel, n, ids, id);
            if (target == null) {
                continue;
            }
            Long earlier = referencedBy.putIfAbsent(target, n.offset);
            if (earlier != null) {
                f.error(20, rel, n.offset, Tag.ReferencedFileID, "file " + target
                        + " is referenced a second time (first by the record at " + earlier + ")");
            }
            MediumFile mf = m.byRel.get(target);
            if (mf == null) {
                continue; // beyond the walk's bound
            }
            if (!mf.dicom()) {
                f.error(6, rel, n.offset, Tag.ReferencedFileID, "references " + target
                        + ", which is not a DICOM file (no \"DICM\" file meta)");
            } else if (mf.header() != null) {
                LeafChecks.compare(f, rel, n, mf);
            }
        }
        unreferenced(m, referencedBy);
    }

    /** The walked path of the referenced file, or null with a finding when it does not resolve. */
    private static String resolve(Medium m, FileIdResolver resolver, String rel, DirTree.Node n, String[] ids,
                                  String id) {
        Path exact = m.root;
        for (String c : ids) {
            exact = exact.resolve(c.strip());
        }
        String exactRel = MediumWalker.rel(m.root, exact);
        if (m.byRel.containsKey(exactRel)
                || (m.walkTruncated && Files.isRegularFile(exact, LinkOption.NOFOLLOW_LINKS))) {
            return exactRel;
        }
        FileIdResolver.Resolution r = resolver.resolve(List.of(ids));
        if (r.isRefused()) {
            f(m).errorAbout(FindingKind.FILE_ID_ESCAPES, id, 13, rel, n.offset, Tag.ReferencedFileID,
                    "Referenced File ID '" + id + "' refused: "
                    + r.refusal());
            return null;
        }
        if (r.missing()) {
            f(m).errorAbout(FindingKind.MISSING_FILE, id, 20, rel, n.offset, Tag.ReferencedFileID,
                    "referenced file '" + id + "' does not exist");
            return null;
        }
        String found = MediumWalker.rel(m.root, r.file());
        // 11/12: readers tolerate case and ';1' variants, but a conformant medium has the exact name.
        f(m).errorAbout(FindingKind.FILE_ID_VARIANT, id, 11, rel, n.offset, Tag.ReferencedFileID,
                "Referenced File ID '" + id + "' resolves only through the variant '" + found + "'; PS3.10 8.2 requires the exact name");
        return found;
    }

    private static Findings f(Medium m) {
        return m.findings;
    }

    /** 20: one record per Patient ID, Study Instance UID, Series Instance UID and SOP Instance UID. */
    private static void unique(Findings f, String rel, DirTree.Node n, Map<String, Long> seen) {
        int tag;
        String what;
        switch (n.type) {
            case PATIENT -> { tag = Tag.PatientID; what = "Patient ID"; }
            case STUDY -> { tag = Tag.StudyInstanceUID; what = "Study Instance UID"; }
            case SERIES -> { tag = Tag.SeriesInstanceUID; what = "Series Instance UID"; }
            default -> {
                if (!n.type.isLeaf()) {
                    return;
                }
                tag = Tag.ReferencedSOPInstanceUIDInFile;
                what = "Referenced SOP Instance UID";
            }
        }
        String key = Values.strip(n.item.getString(tag));
        if (key == null || key.isEmpty()) {
            return;
        }
        String scope = n.type.isLeaf() ? "LEAF" : n.type.name();
        Long first = seen.putIfAbsent(scope + "\u0000" + key, n.offset);
        if (first != null) {
            // The Patient ID is not shown: messages never carry patient identifiers.
            f.error(20, rel, n.offset, tag, "a second " + n.rawType() + " record with the same " + what
                    + (n.type == RecordType.PATIENT ? "" : " " + key) + " (first at " + first + ")");
        }
    }

    /** 20: every DICOM file on the medium is referenced; no two files share a SOP Instance UID. */
    private static void unreferenced(Medium m, Map<String, Long> referencedBy) {
        Map<String, String> sops = new HashMap<>();
        for (MediumFile mf : m.files) {
            if (!mf.dicom() || mf.inRoot() || mf.firstComponent().equalsIgnoreCase("IHE_PDI") || m.inNestedFileSet(mf)
                    || mf.rel().substring(mf.rel().lastIndexOf('/') + 1).equalsIgnoreCase("DICOMDIR")) {
                continue;
            }
            if (mf.header() == null) {
                m.findings.error(FindingKind.UNREADABLE, 20, mf.rel(), -1, null, "DICOM file whose header cannot be read: " + mf.problem());
            }
            if (!referencedBy.containsKey(mf.rel())) {
                if (m.dicomdir.truncated()) {
                    m.findings.warning(FindingKind.NOT_IN_DICOMDIR, 20, mf.rel(), -1, null, "not referenced in the verified part of the DICOMDIR");
                } else {
                    m.findings.error(FindingKind.NOT_IN_DICOMDIR, 20, mf.rel(), -1, null,
                            "DICOM file not referenced by the DICOMDIR");
                }
            }
            if (mf.header() != null && mf.header().sopInstance() != null) {
                String other = sops.putIfAbsent(mf.header().sopInstance().strip(), mf.rel());
                if (other != null) {
                    m.findings.error(20, mf.rel(), -1, Tag.SOPInstanceUID, "SOP Instance UID "
                            + mf.header().sopInstance().strip() + " is also that of " + other);
                }
            }
        }
    }
}
