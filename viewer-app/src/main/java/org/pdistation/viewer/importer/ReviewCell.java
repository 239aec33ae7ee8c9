package org.pdistation.viewer.importer;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;

/** A review tree line: a check box for patients, studies and series; instance lines marked when they have problems. */
final class ReviewCell extends TreeCell<ReviewNode> {
    private final CheckBox box = new CheckBox();
    private BooleanProperty bound;

    @Override
    protected void updateItem(ReviewNode n, boolean empty) {
        super.updateItem(n, empty);
        if (bound != null) {
            box.selectedProperty().unbindBidirectional(bound);
            bound = null;
        }
        getStyleClass().removeAll("review-problem", "review-blocked");
        if (empty || n == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setText(n.text());
        if (n.chosen() != null) {
            bound = n.chosen();
            box.selectedProperty().bindBidirectional(bound);
            setGraphic(box);
        } else {
            setGraphic(null);
        }
        setTooltip(n.instance() == null || n.instance().detail().isBlank() ? null : new Tooltip(n.instance().detail()));
        if (n.blocked()) getStyleClass().add("review-blocked");
        else if (n.hasProblem()) getStyleClass().add("review-problem");
    }
}
