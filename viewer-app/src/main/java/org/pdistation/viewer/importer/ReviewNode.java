package org.pdistation.viewer.importer;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TreeItem;

import org.pdistation.imaging.data.UID;
import org.pdistation.importer.review.InstanceProblem;
import org.pdistation.importer.review.InstanceRecord;
import org.pdistation.importer.review.PatientEntry;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.review.SeriesEntry;
import org.pdistation.importer.review.StudyEntry;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.NameFormat;

/**
 * One line of the import review tree: patient, study, series (each with a check box; checking a parent checks what
 * is below it) or instance (no check box: the importer selects by study or series; an instance shows its problems).
 *
 * @param uid the Study or Series Instance UID that selects it, or null for patients and instances
 */
public record ReviewNode(Kind kind, String text, String uid, InstanceRecord instance, BooleanProperty chosen) {
    public enum Kind { PATIENT, STUDY, SERIES, INSTANCE, UNPLACED }

    /** PS3.10 7.2: the SOP class of a DICOMDIR, which is a medium's index, never an instance. */
    private static final String MEDIA_STORAGE_DIRECTORY = UID.MediaStorageDirectoryStorage;

    public boolean hasProblem() {
        return instance != null && !instance.problems().isEmpty();
    }

    public boolean blocked() {
        return instance != null && !instance.importable();
    }

    /** The tree of {@code model}: every box checked. */
    public static TreeItem<ReviewNode> tree(ReviewModel model, Messages m) {
        TreeItem<ReviewNode> root = new TreeItem<>(new ReviewNode(Kind.PATIENT, "", null, null, null));
        root.setExpanded(true);
        for (PatientEntry p : model.patients()) {
            String name = p.name() == null || p.name().isBlank() ? m.get("browser.patient.unknown")
                    : NameFormat.display(p.name());
            String born = p.birthDate() == null || p.birthDate().isBlank() ? ""
                    : m.format("import.tree.born", DicomDates.display(p.birthDate(), m.locale()));
            TreeItem<ReviewNode> pi = item(Kind.PATIENT, m.format("import.tree.patient", name,
                    p.patientId() == null ? "" : p.patientId(), born), null);
            pi.setExpanded(true);
            for (StudyEntry s : p.studies()) {
                TreeItem<ReviewNode> si = item(Kind.STUDY, m.format("import.tree.study",
                        DicomDates.display(s.date(), m.locale()), s.modalities(),
                        s.description() == null || s.description().isBlank() ? m.get("browser.study.unknown")
                                : s.description(), s.instanceCount()), s.uid());
                si.setExpanded(true);
                for (SeriesEntry se : s.series()) {
                    TreeItem<ReviewNode> ser = item(Kind.SERIES, m.format("import.tree.series",
                            se.number() == null ? "" : se.number(), se.modality() == null ? "" : se.modality(),
                            se.description() == null ? "" : se.description(), se.instanceCount())
                            .replaceAll(" {3,}", "  "), se.uid());
                    for (InstanceRecord r : se.instances()) ser.getChildren().add(instance(Kind.INSTANCE, r, m));
                    ser.setExpanded(se.instances().stream().anyMatch(r -> !r.problems().isEmpty()));
                    si.getChildren().add(ser);
                }
                pi.getChildren().add(si);
            }
            root.getChildren().add(pi);
        }
        if (!model.unplaced().isEmpty()) {
            TreeItem<ReviewNode> u = new TreeItem<>(new ReviewNode(Kind.UNPLACED,
                    m.format("import.tree.unplaced", model.unplaced().size()), null, null, null));
            for (InstanceRecord r : model.unplaced()) u.getChildren().add(instance(Kind.INSTANCE, r, m));
            u.setExpanded(true);
            root.getChildren().add(u);
        }
        return root;
    }

    private static TreeItem<ReviewNode> item(Kind kind, String text, String uid) {
        TreeItem<ReviewNode> item = new TreeItem<>();
        BooleanProperty chosen = new SimpleBooleanProperty(true);
        item.setValue(new ReviewNode(kind, text, uid, null, chosen));
        // Checking or unchecking a patient or study does the same to everything below it.
        chosen.addListener((o, was, now) -> {
            for (TreeItem<ReviewNode> c : item.getChildren()) {
                if (c.getValue().chosen() != null) c.getValue().chosen().set(now);
            }
        });
        return item;
    }

    /**
     * "IM00001 — imported, with a warning: not listed in the DICOMDIR" (orange) or "IM00002 — cannot be imported:
     * not a readable DICOM file" (red): the words say what the importer will do, as the colour does. Where the
     * DICOMDIR and the files disagree the files are trusted and imported (PDI-REQUIREMENTS; issue 6).
     */
    private static TreeItem<ReviewNode> instance(Kind kind, InstanceRecord r, Messages m) {
        boolean blocked = !r.importable();
        List<String> problems = new ArrayList<>();
        // Enum order (most fundamental first); a blocked file names only what blocks it.
        for (InstanceProblem p : InstanceProblem.values()) {
            if (r.problems().contains(p) && (!blocked || p.blocking())) problems.add(m.get("import.problem." + p.name()));
        }
        String text = r.fileId();
        if (blocked) {
            // One reason, the most fundamental: a clerk needs why, not every consequence. The technical detail
            // (UIDs, SOP classes) is in the cell's tooltip and the report.
            String reason = MEDIA_STORAGE_DIRECTORY.equals(r.sopClassUid()) ? m.get("import.problem.dicomdir")
                    : problems.isEmpty() ? m.get("import.problem.MISSING_FILE") : problems.get(0);
            text += " — " + m.format("import.instance.blocked", reason);
        } else if (!problems.isEmpty()) {
            text += " — " + m.format("import.instance.warned", String.join("; ", problems));
            if (!r.detail().isBlank()) text += " (" + r.detail() + ")";
        }
        return new TreeItem<>(new ReviewNode(kind, text, null, r, null));
    }

    /** "3 patients, 87 files: 81 will be imported, 44 of them with a warning; 6 cannot be imported (red)". */
    public static String summary(ReviewModel model, Messages m) {
        List<InstanceRecord> all = model.allInstances();
        long blocked = all.stream().filter(i -> !i.importable()).count();
        long warned = all.stream().filter(i -> i.importable() && !i.problems().isEmpty()).count();
        StringBuilder b = new StringBuilder(m.format("import.review.summary", model.patients().size(), all.size(),
                all.size() - blocked));
        if (warned > 0) b.append(m.format("import.review.warned", warned));
        b.append(blocked > 0 ? m.format("import.review.blocked", blocked) : m.get("import.review.allImportable"));
        return b.toString();
    }

    /** The series UIDs whose boxes are checked (the importer's selection). */
    public static List<String> chosenSeries(TreeItem<ReviewNode> root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(TreeItem<ReviewNode> item, List<String> out) {
        ReviewNode n = item.getValue();
        if (n != null && n.kind() == Kind.SERIES && n.chosen().get()) out.add(n.uid());
        for (TreeItem<ReviewNode> c : item.getChildren()) collect(c, out);
    }
}
