package org.pdistation.creator.web;

import java.io.IOException;
import java.nio.file.Files;

import org.pdistation.creator.stage.StagedFileSet;
import org.pdistation.creator.stage.StagingStep;

/**
 * The IHE PDI Web Content option as a staging step: INDEX.HTM and IHE_PDI/ are added after the DICOMDIR, which
 * never references them (PDI-REQUIREMENTS 4-6). Problems (an undecodable frame shown as a placeholder) go to the
 * given sink, for the job report.
 */
public final class WebContentStep implements StagingStep {
    private final String language;
    private final java.util.function.Consumer<String> problems;

    public WebContentStep(String language, java.util.function.Consumer<String> problems) {
        this.language = language;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "web content";
    }

    @Override
    public void apply(StagedFileSet set) throws IOException {
        boolean viewer = Files.isDirectory(set.root().resolve("VIEWER"));
        WebContentResult r = WebContentWriter.write(set.root(),
                new WebContentOptions(set.institution(), set.options().date(), viewer, language));
        r.problems().forEach(p -> problems.accept("medium " + set.number() + ": " + p));
    }
}
