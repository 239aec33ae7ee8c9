package org.pdistation.imaging.media.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.Profile;

/** PDI-REQUIREMENTS B 10-11: the names of the files on the medium and the File-set ID. */
final class NameChecks implements Check {
    private static final Pattern COMPONENT = Pattern.compile("[A-Z0-9_]{1,8}");
    private static final Pattern FILE_SET_ID = Pattern.compile("[A-Z0-9_ ]{0,16}");
    /** ISO 9660 Level 1 (ECMA-119 7.5.1, 10.1): 8.3 d-characters; Linux may show the ';1' version, or not. */
    private static final Pattern LEVEL1_FILE = Pattern.compile("[A-Z0-9_]{1,8}(\\.[A-Z0-9_]{0,3})?(;1)?");

    @Override
    public void run(Medium m) {
        Findings f = m.findings;
        // Non-DICOM folders (a viewer with its runtime) may hold hundreds of long names: one warning per top folder.
        Map<String, Integer> moreNames = new LinkedHashMap<>();
        for (MediumFile mf : m.files) {
            if (m.inNestedFileSet(mf)) {
                continue;
            }
            if (!mf.dicom() && m.level1Files != null && !m.level1Files.contains(mf.rel())) {
                // Only in the image's Joliet/UDF tree (a viewer's own names): Level 1 readers never see it.
                continue;
            }
            if (mf.inRoot()) {
                checkLevel1(m, mf);
                continue;
            }
            if (mf.dicom() && !mf.firstComponent().equalsIgnoreCase("IHE_PDI")) {
                String why = fileIdProblem(mf.rel().split("/"));
                if (why != null) {
                    // 11: PS3.10 8.2 - a DICOM file's path is its File ID.
                    f.error(11, mf.rel(), -1, null, "path is not a conformant File ID: " + why);
                }
            } else if (!mf.dicom() && m.profile == Profile.STD_GEN_CD && level1Problem(mf) != null) {
                String top = mf.firstComponent();
                if (moreNames.containsKey(top)) {
                    moreNames.merge(top, 1, Integer::sum);
                } else {
                    moreNames.put(top, 0);
                    checkLevel1(m, mf);
                }
            } else {
                checkLevel1(m, mf);
            }
            if (m.profile == Profile.STD_GEN_CD && mf.depth() > 8) {
                f.warning(10, mf.rel(), -1, null, "more than 8 directory levels; ISO 9660 Level 1 allows 8");
            }
        }
        moreNames.forEach((top, more) -> {
            if (more > 0) {
                f.warning(10, top + "/", -1, null, more + " more file(s) under " + top
                        + "/ with names that are not ISO 9660 Level 1 (a CD needs Rock Ridge, Joliet or UDF for them)");
            }
        });
        if (m.dicomdir != null && m.dicomdir.top().contains(Tag.FileSetID)) {
            String id = m.dicomdir.top().getString(Tag.FileSetID, "");
            if (!FILE_SET_ID.matcher(id).matches()) {
                f.error(11, m.dicomdirRel(), -1, Tag.FileSetID, "File-set ID " + Values.show(id)
                        + " is not 0-16 characters from A-Z 0-9 _ (PS3.10 8.2)");
            }
        }
    }

    private static void checkLevel1(Medium m, MediumFile mf) {
        if (m.profile != Profile.STD_GEN_CD) {
            return;
        }
        String why = level1Problem(mf);
        if (why != null) {
            m.findings.warning(10, mf.rel(), -1, null, why);
        }
    }

    /** Why the file's path is not made of ISO 9660 Level 1 names, or null when it is. */
    private static String level1Problem(MediumFile mf) {
        String[] parts = mf.rel().split("/");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            boolean ok = last ? LEVEL1_FILE.matcher(parts[i]).matches() : COMPONENT.matcher(parts[i]).matches();
            if (!ok) {
                return "'" + parts[i] + "' is not an ISO 9660 Level 1 name "
                        + (last ? "(8.3 upper-case letters, digits, _)" : "(up to 8 upper-case letters, digits, _)")
                        + " as a CD medium needs";
            }
        }
        return null;
    }

    /** Why these components are not a PS3.10 8.2 File ID, or null when they are one. */
    static String fileIdProblem(String[] components) {
        if (components.length == 0 || components.length > 8) {
            return components.length + " components; a File ID has 1 to 8";
        }
        for (int i = 0; i < components.length; i++) {
            String c = components[i];
            if (c.isEmpty() || c.length() > 8) {
                return "component " + (i + 1) + " '" + c + "' has " + c.length() + " characters; 1 to 8 allowed";
            }
            if (!COMPONENT.matcher(c).matches()) {
                return "component " + (i + 1) + " '" + c + "' has characters outside A-Z 0-9 _";
            }
        }
        return null;
    }
}
