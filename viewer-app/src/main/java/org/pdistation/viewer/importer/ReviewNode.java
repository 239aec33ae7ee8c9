package org.pdistation.viewer.importer;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TreeItem;

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
                            se.description() == null ? "" : se.description(), se.instanceCount()), se.uid());
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

    private static TreeItem<ReviewNode> instance(Kind kind, InstanceRecord r, Messages m) {
        List<String> problems = new ArrayList<>();
        for (InstanceProblem p : r.problems()) problems.add(m.get("import.problem." + p.name()));
        String text = r.fileId() + (problems.isEmpty() ? "" : " — " + String.join("; ", problems))
                + (r.detail().isBlank() || problems.isEmpty() ? "" : " (" + r.detail() + ")");
        return new TreeItem<>(new ReviewNode(kind, text, null, r, null));
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
