package org.pdistation.creator.web;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the web pages say about the medium itself.
 *
 * @param institution  the creating institution, named on INDEX.HTM (IHE PDI)
 * @param creationDate the day the medium is made
 * @param hasViewer    whether to link a {@code VIEWER/} folder; the link is written only when the folder exists
 * @param language     the pages' xml:lang (BCP 47, e.g. "en", "ja"); the fixed texts are English
 */
public record WebContentOptions(String institution, LocalDate creationDate, boolean hasViewer, String language) {
    public WebContentOptions {
        institution = institution == null ? "" : institution.strip();
        Objects.requireNonNull(creationDate, "creationDate");
        language = language == null || !language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? "en" : language;
    }
}
