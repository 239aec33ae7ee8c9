package org.pdistation.creator.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.pdistation.creator.content.FileSetContent;
import org.pdistation.creator.stage.StagedFileSet;
import org.pdistation.creator.stage.StagingStep;

/**
 * Renders the printable label of each medium (PDI-REQUIREMENTS 8) from its staged file-set, into a folder outside
 * the medium: {@code LABEL-DISC<n>.png} and {@code .pdf} (insert layout) plus {@code LABEL-DISC<n>-ROUND.png} (disc
 * layout). Nothing is added to the medium itself.
 */
public final class LabelStep implements StagingStep {
    private final Path folder;
    private final Consumer<String> notes;

    /** @param notes receives the paths written and any font warning, for the job report */
    public LabelStep(Path folder, Consumer<String> notes) {
        this.folder = folder;
        this.notes = notes;
    }

    @Override
    public String name() {
        return "label";
    }

    @Override
    public void apply(StagedFileSet set) throws IOException {
        Files.createDirectories(folder);
        LabelInfo info = LabelInfo.of(FileSetContent.read(set.root()), set.institution(), set.options().date(),
                set.options().web());
        String base = "LABEL-DISC" + set.number();
        LabelRenderer.Rendered insert = LabelRenderer.render(info, LabelRenderer.Layout.INSERT);
        insert.writePng(folder.resolve(base + ".png"));
        insert.writePdf(folder.resolve(base + ".pdf"));
        LabelRenderer.render(info, LabelRenderer.Layout.DISC).writePng(folder.resolve(base + "-ROUND.png"));
        insert.warnings().forEach(w -> notes.accept("label: " + w));
        notes.accept("label written to " + folder.resolve(base + ".pdf"));
    }
}
