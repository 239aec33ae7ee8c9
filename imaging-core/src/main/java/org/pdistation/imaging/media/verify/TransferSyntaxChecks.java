package org.pdistation.imaging.media.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.media.Profile;

/**
 * PDI-REQUIREMENTS D 24-25: the transfer syntaxes of the instances against the profile (PS3.11 Annex D). With no
 * profile asked for, judges the first (most widely readable) profile that every instance satisfies.
 */
final class TransferSyntaxChecks implements Check {
    @Override
    public void run(Medium m) {
        Findings f = m.findings;
        Map<String, List<MediumFile>> bySyntax = new LinkedHashMap<>();
        for (MediumFile mf : m.files) {
            if (!mf.dicom() || mf.header() == null || mf.inRoot() || mf.firstComponent().equalsIgnoreCase("IHE_PDI")
                    || m.inNestedFileSet(mf)) {
                continue;
            }
            FileHeader h = mf.header();
            if (!h.part10() || h.metaTransferSyntax() == null) {
                f.error(24, mf.rel(), -1, Tag.TransferSyntaxUID, "not a Part 10 file (no preamble and file meta "
                        + "with a Transfer Syntax UID); PS3.11 media hold Part 10 files only");
                continue;
            }
            String ts = h.metaTransferSyntax().strip();
            if (!h.explicitVr()) {
                f.error(24, mf.rel(), -1, Tag.TransferSyntaxUID, "declares " + ts
                        + " but its data set is encoded in implicit VR");
            }
            bySyntax.computeIfAbsent(ts, k -> new ArrayList<>()).add(mf);
        }
        Set<Profile> satisfied = EnumSet.noneOf(Profile.class);
        for (Profile p : Profile.values()) {
            if (bySyntax.keySet().stream().allMatch(p::allows)) {
                satisfied.add(p);
            }
        }
        m.satisfied = satisfied;
        Profile judged = m.options.profile();
        if (judged == null) {
            judged = satisfied.isEmpty() ? null : satisfied.iterator().next();
            if (judged != null) {
                f.info(FindingKind.PROFILE_INFERRED, 25, "", -1, null, "profile inferred from the transfer syntaxes: " + judged
                        + "; the instances satisfy " + satisfied);
            }
        }
        m.profile = judged;
        for (Map.Entry<String, List<MediumFile>> e : bySyntax.entrySet()) {
            String ts = e.getKey();
            boolean bad = judged != null ? !judged.allows(ts) : EnumSet.allOf(Profile.class).stream().noneMatch(p -> p.allows(ts));
            if (!bad) {
                continue;
            }
            int rule = judged == Profile.STD_GEN_CD ? 24 : 25;
            String allowed = judged != null ? "; " + judged + " allows " + judged.transferSyntaxes()
                    : "; no General Purpose profile allows it";
            for (MediumFile mf : e.getValue()) {
                f.error(rule, mf.rel(), -1, Tag.TransferSyntaxUID, "transfer syntax " + ts + name(ts) + allowed);
            }
        }
    }

    private static String name(String uid) {
        String n = UID.nameOf(uid);
        return n == null ? "" : " (" + n + ")";
    }
}
