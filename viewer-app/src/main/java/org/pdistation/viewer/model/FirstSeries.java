package org.pdistation.viewer.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * The series the viewer shows first when a medium opens: the first one with an instance that has pixels. What the
 * medium says (record type, SOP class: {@link SeriesEntry#mayBeImage()}) rules series out without reading; the rest
 * are confirmed by reading headers, since a DICOMDIR IMAGE record may point at a report, or an image file may lack
 * its Pixel Data (7FE0,0010). Reads headers only, and few: on a good disc, one. Runs off the FX thread.
 */
public final class FirstSeries {
    /** Files of one series read before it is passed over: a bound on a series of many pixel-less instances. */
    static final int FILES_PER_SERIES = 4;
    /**
     * Header reads in all before giving up on finding one: a disc of many pixel-less series (reports, key objects)
     * must not cost thousands of reads from a slow optical drive before anything is shown.
     */
    static final int FILES_IN_ALL = 24;

    private FirstSeries() {}

    /** The first series with an instance that has pixels, else {@link SeriesEntry#firstShowable}; null if none. */
    public static SeriesEntry choose(List<SeriesEntry> all) {
        int budget = FILES_IN_ALL;
        for (SeriesEntry s : all) {
            if (budget <= 0) break;
            if (!s.mayBeImage()) continue;
            List<Path> files = s.files();
            int n = Math.min(Math.min(FILES_PER_SERIES, files.size()), budget);
            budget -= n;
            for (int i = 0; i < n; i++) {
                if (hasPixels(files.get(i))) return s;
            }
        }
        return SeriesEntry.firstShowable(all);
    }

    /**
     * Whether the file is an image: rows, a storage class not known to be pixel-less (PS3.4 B.5), and an element at
     * or after (7FE0,0000) where the header-only read stopped (Pixel Data, or Float / Double Float Pixel Data).
     */
    static boolean hasPixels(Path file) {
        try {
            DicomFile df = DicomReader.read(file, ReadOptions.HEADER_ONLY);
            return df.pixelDataOffset() >= 0 && df.dataset().contains(Tag.Rows)
                    && !ImageKinds.isNonImageClass(df.dataset().getString(Tag.SOPClassUID, ""));
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: not the one to show first; it stays listed with its problem
        }
    }
}
