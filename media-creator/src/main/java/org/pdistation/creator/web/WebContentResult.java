package org.pdistation.creator.web;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link WebContentWriter} wrote.
 *
 * @param files       every file written, relative to the file-set root ("INDEX.HTM", "IHE_PDI/...")
 * @param pages       number of XHTML pages
 * @param renderings  number of PNG renderings (full size; thumbnails not counted)
 * @param placeholders frames shown as a text placeholder because they could not be rendered
 * @param problems    one line per problem, without patient data
 */
public record WebContentResult(List<Path> files, int pages, int renderings, int placeholders, List<String> problems) {
    public WebContentResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
