package org.pdistation.viewer.create;

import java.nio.file.Path;
import java.util.List;

import javafx.print.PrinterJob;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/** Prints the PNG labels of a create job through the system's print dialog (JavaFX printing). */
final class LabelPrinting {
    private LabelPrinting() {}

    static void print(List<Path> pngs, Window owner) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !job.showPrintDialog(owner)) return;
        for (Path png : pngs) {
            ImageView view = new ImageView(new Image(png.toUri().toString()));
            view.setPreserveRatio(true);
            view.setFitWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
            if (!job.printPage(view)) break;
        }
        job.endJob();
    }
}
