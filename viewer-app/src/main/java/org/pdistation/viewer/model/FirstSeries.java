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

    private FirstSeries() {}

    /** The first series with an instance that has pixels, else {@link SeriesEntry#firstShowable}; null if none. */
    public static SeriesEntry choose(List<SeriesEntry> all) {
        for (SeriesEntry s : all) {
            if (s.mayBeImage() && hasPixels(s)) return s;
        }
        return SeriesEntry.firstShowable(all);
    }

    static boolean hasPixels(SeriesEntry s) {
        List<Path> files = s.files();
        for (int i = 0; i < Math.min(FILES_PER_SERIES, files.size()); i++) {
            if (hasPixels(files.get(i))) return true;
        }
        return false;
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
