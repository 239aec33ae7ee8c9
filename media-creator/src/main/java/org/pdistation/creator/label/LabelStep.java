package org.pdistation.creator.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.pdistation.creator.content.FileSetContent;
import org.pdistation.creator.stage.StagedFileSet;
import org.pdistation.creator.stage.StagingStep;
import org.pdistation.imaging.io.OwnerOnly;

/**
 * Prints the label of each medium (PDI-REQUIREMENTS 8) from its staged file-set, through a {@link LabelPrinter},
 * into a folder outside the medium, as files named {@code LABEL-DISC<n>…}. Nothing is added to the medium itself.
 */
public final class LabelStep implements StagingStep {
    private final Path folder;
    private final LabelPrinter printer;
    private final Consumer<String> notes;

    /** @param notes receives the paths written and any font warning, for the job report */
    public LabelStep(Path folder, LabelPrinter printer, Consumer<String> notes) {
        this.folder = folder;
        this.printer = printer;
        this.notes = notes;
    }

    @Override
    public String name() {
        return "label";
    }

    @Override
    public void apply(StagedFileSet set) throws IOException {
        OwnerOnly.createDirectories(folder); // labels show the patient's name
        LabelInfo info = LabelInfo.of(FileSetContent.read(set.root()), set.institution(), set.options().date(),
                set.options().web());
        printer.print(info, folder, "LABEL-DISC" + set.number()).forEach(notes);
    }
}
