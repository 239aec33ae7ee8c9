package org.pdistation.viewer.label;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.creator.label.LabelInfo;
import org.pdistation.creator.label.LabelPrinter;

/**
 * The label as the station prints it: {@code <base>.png} and {@code <base>.pdf} (CD insert) and
 * {@code <base>-ROUND.png} (disc layout), drawn by {@link LabelRenderer} at 300 dpi.
 */
public final class AwtLabelPrinter implements LabelPrinter {
    @Override
    public List<String> print(LabelInfo info, Path folder, String baseName) throws IOException {
        LabelRenderer.Rendered insert = LabelRenderer.render(info, LabelRenderer.Layout.INSERT);
        insert.writePng(folder.resolve(baseName + ".png"));
        insert.writePdf(folder.resolve(baseName + ".pdf"));
        LabelRenderer.render(info, LabelRenderer.Layout.DISC).writePng(folder.resolve(baseName + "-ROUND.png"));
        List<String> notes = new ArrayList<>();
        insert.warnings().forEach(w -> notes.add("label: " + w));
        notes.add("label written to " + folder.resolve(baseName + ".pdf"));
        return notes;
    }
}
