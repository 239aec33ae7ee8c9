package org.pdistation.creator.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.pdistation.creator.plan.InputInstance;
import org.pdistation.creator.plan.PlannedInstance;
import org.pdistation.creator.plan.PlannedMedium;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirBuilder;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.imaging.media.Profile;

/**
 * Writes one planned medium into an (empty, private) staging folder: the DICOM files under generated File IDs,
 * then the DICOMDIR (imaging-core {@link DicomDirWriter}, the profile's keys; missing Type 1 keys supplied by it and
 * reported here as warnings), then README.TXT, then the caller's {@link StagingStep}s.
 */
public final class Stager {
    /** The staged file-set and what happened on the way. */
    public record Result(StagedFileSet set, List<String> warnings, List<String> leftOff, String fileSetUid) {
        public Result {
            warnings = List.copyOf(warnings);
            leftOff = List.copyOf(leftOff);
        }
    }

    private final Profile profile;
    private final CreateOptions options;
    private final List<StagingStep> steps;
    private final CodecRegistry registry;

    public Stager(Profile profile, CreateOptions options, List<StagingStep> steps, CodecRegistry registry) {
        this.profile = profile;
        this.options = options;
        this.steps = List.copyOf(steps);
        this.registry = registry;
    }

    /** What the DICOMDIR record of one staged file is built from; header null: read the staged file. */
    private record Header(List<String> fileId, Dataset header, InputInstance in, Path staged, String syntax) {}

    /**
     * The DICOMDIR records from the headers read at selection: a file copied behind a new meta has exactly the
     * dataset its source had, so reading it again would only cost time. Rewritten and transcoded files are read
     * back (header only), since their dataset changed. File ID order, as a walk of the staged folder gives.
     */
    private DicomDirBuilder.Result records(Path root, List<Header> headers) throws IOException {
        DicomDirBuilder b = new DicomDirBuilder(root, profile);
        List<Header> sorted = new ArrayList<>(headers);
        sorted.sort(java.util.Comparator.comparing(h -> String.join("/", h.fileId())));
        for (Header h : sorted) {
            Dataset ds = h.header();
            if (ds == null) {
                DicomFile df = DicomReader.read(h.staged(), ReadOptions.HEADER_ONLY);
                ds = df.dataset();
            }
            b.add(h.fileId(), ds, h.in().sopClassUid(), h.in().sopInstanceUid(), h.syntax());
        }
        return b.result();
    }

    /**
     * @param cancelled polled between files; when true, staging stops with {@link java.io.InterruptedIOException}
     */
    public Result stage(PlannedMedium medium, int count, Path root, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        Privacy.createDirectories(root);
        FileIdAllocator ids = new FileIdAllocator();
        InstanceWriter writer = new InstanceWriter(registry);
        List<StagedFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> leftOff = new ArrayList<>();
        List<PlannedInstance> written = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        int total = medium.instances().size();
        int done = 0;
        for (PlannedInstance p : medium.instances()) {
            if (cancelled.getAsBoolean()) {
                throw new java.io.InterruptedIOException("cancelled while staging");
            }
            InputInstance in = p.input();
            List<String> id = ids.allocate(in.patientId(), in.studyUid(), in.seriesUid(), in.sopInstanceUid());
            Path out = root;
            for (String c : id) {
                out = out.resolve(c);
            }
            Privacy.createDirectories(out.getParent());
            try {
                InstanceWriter.How how = writer.write(p, out);
                files.add(new StagedFile(id, in.file(), out, p.decision().targetSyntax(),
                        how == InstanceWriter.How.TRANSCODED, java.nio.file.Files.size(out)));
                written.add(p);
                headers.add(new Header(id, how == InstanceWriter.How.COPIED && in.header() != null ? in.header()
                        : null, in, out, p.decision().targetSyntax()));
            } catch (InstanceWriter.LeftOffException e) {
                java.nio.file.Files.deleteIfExists(out);
                leftOff.add(in.file() + ": left off the medium: " + e.getMessage());
            }
            progress.update("stage", ++done, total);
        }
        PlannedMedium actual = new PlannedMedium(medium.number(), written, medium.splitStudies(),
                medium.estimatedBytes());
        String fileSetId = options.fileSetIdFor(medium.number(), count);
        // PS3.3 F.5.1 / PDI-REQUIREMENTS 15: the File-set Descriptor names README.TXT.
        DicomDirWriter.Outcome dir = DicomDirWriter.write(new DicomDirWriter.Request(root, profile, fileSetId,
                List.of(ReadmeWriter.FILE_NAME), null), records(root, headers));
        Privacy.restrict(dir.dicomdir());
        for (FileSetProblem fp : dir.problems()) {
            warnings.add("DICOMDIR: " + fp.describe());
        }
        if (!dir.skipped().isEmpty() || dir.instances() != files.size()) {
            throw new IOException("DICOMDIR references " + dir.instances() + " of " + files.size()
                    + " staged files; skipped: " + dir.skipped());
        }
        StagedFileSet set = new StagedFileSet(root, actual, profile, fileSetId, options, files, medium.number(),
                count);
        ReadmeWriter.write(set);
        for (StagingStep step : steps) {
            progress.update("stage:" + step.name(), 0, -1);
            step.apply(set);
        }
        return new Result(set, warnings, leftOff, dir.fileSetUid());
    }
}
