package org.pdistation.imaging.render.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.ReadProblem;

/**
 * Turns a pile of files into sorted series: reads headers only (the pixel data is not touched), groups images by
 * Series Instance UID and sorts each series with a {@link SliceSorter}. A file that cannot be read is reported, never
 * fatal; a file without pixel data (DICOMDIR, SR, presentation state) is skipped.
 */
public final class SeriesLoader {
    /** A series ready to display. */
    public record LoadedSeries(String seriesInstanceUid, Integer seriesNumber, String modality, String description,
                               SeriesGeometry geometry) {}

    /** A file that could not be used, and why. */
    public record BrokenFile(Path path, String reason) {}

    /**
     * @param series  image series, by Series Number then UID
     * @param broken  unreadable files or headers too damaged to place the image
     * @param skipped readable files that are not images (no Rows/Columns)
     */
    public record Result(List<LoadedSeries> series, List<BrokenFile> broken, List<Path> skipped) {
        public Result {
            series = List.copyOf(series);
            broken = List.copyOf(broken);
            skipped = List.copyOf(skipped);
        }

        public LoadedSeries series(String uid) {
            return series.stream().filter(s -> s.seriesInstanceUid().equals(uid)).findFirst().orElse(null);
        }
    }

    private final SliceSorter sorter;

    public SeriesLoader(SliceSorter sorter) {
        this.sorter = sorter;
    }

    public SeriesLoader() {
        this(SliceSorter.DEFAULT);
    }

    /** Every regular file under {@code folder}, recursively, in path order. */
    public Result loadFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return load(files);
    }

    public Result load(List<Path> files) {
        // Per series: the header fields of its first image, and its slices in input order.
        Map<String, List<SliceInfo>> slices = new LinkedHashMap<>();
        Map<String, Dataset> firstHeader = new LinkedHashMap<>();
        List<BrokenFile> broken = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : files) {
            DicomFile df;
            try {
                df = DicomReader.read(file, ReadOptions.HEADER_ONLY);
            } catch (IOException | RuntimeException e) {
                // RuntimeException too: one hostile file must not stop a whole media import.
                broken.add(new BrokenFile(file, e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            Dataset ds = df.dataset();
            boolean image = ds.getInt(Tag.Rows, 0) > 0 && ds.getInt(Tag.Columns, 0) > 0;
            if (!image) {
                if (df.hasErrors()) broken.add(new BrokenFile(file, firstError(df)));
                else skipped.add(file);
                continue;
            }
            String uid = ds.getString(Tag.SeriesInstanceUID, "");
            slices.computeIfAbsent(uid, k -> new ArrayList<>()).addAll(SliceExtractor.slices(file, ds));
            firstHeader.putIfAbsent(uid, ds);
        }
        List<LoadedSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<SliceInfo>> e : slices.entrySet()) {
            Dataset h = firstHeader.get(e.getKey());
            long[] number = h.getLongs(Tag.SeriesNumber);
            series.add(new LoadedSeries(e.getKey(), number.length > 0 ? (int) number[0] : null,
                    h.getString(Tag.Modality), h.getString(Tag.SeriesDescription), sorter.sort(e.getValue())));
        }
        series.sort(Comparator.comparing(LoadedSeries::seriesNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LoadedSeries::seriesInstanceUid));
        return new Result(series, broken, skipped);
    }

    private static String firstError(DicomFile df) {
        return df.problems().stream().filter(p -> p.severity() == ReadProblem.Severity.ERROR).findFirst()
                .map(p -> p.describe(df.path())).orElse("unreadable header");
    }
}
