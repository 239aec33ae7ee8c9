package org.pdistation.creator.label;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a medium's label from its {@link LabelInfo}. The drawing needs a graphics toolkit, which the media engines
 * do not depend on; the station (viewer-app) supplies the implementation.
 */
@FunctionalInterface
public interface LabelPrinter {
    /**
     * Writes the label files for one medium into {@code folder}, their names starting with {@code baseName}.
     *
     * @return sentences for the job report: the files written and any warning (e.g. a font fallback)
     */
    List<String> print(LabelInfo info, Path folder, String baseName) throws IOException;
}
