package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Files written by {@link DicomWriter} from real files, in their own syntax and (for native sources) transcoded to
 * every uncompressed syntax, must satisfy DCMTK (dcmdump), dicom3tools (dciodvfy: no error the source lacks),
 * pydicom (same JSON as the source) and our own reader (every element equal to the source's).
 */
class DicomWriterInteropTest {
    private static final List<TransferSyntax> UNCOMPRESSED = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    /** Every syntax family, multi-frame, sequences (SR), private tags, character sets. */
    static Stream<String> sources() {
        return Stream.of(
                "single/pydicom/MR_small_implicit.dcm",
                "single/pydicom/rtplan.dcm",
                "multiframe/pydicom/rtdose.dcm",
                "single/pydicom/MR_small.dcm",
                "single/pydicom/test-SR.dcm",
                "single/debian-dicomscope/reportki.dcm",
                "charset/fo-dicom/GH1146.dcm",
                "charset/pydicom/chrH32.dcm",
                "charset/pydicom/chrSQEncoding.dcm",
                "charset/pydicom/chrX2.dcm",
                "single/pydicom/SC_rgb_small_odd.dcm",
                "multiframe/pydicom-data/emri_small.dcm",
                "single/pydicom/MR_small_bigendian.dcm",
                "single/pydicom/SC_rgb_small_odd_big_endian.dcm",
                "single/pydicom/image_dfl.dcm",
                "single/dcm4che/report_dfl",
                "single/pydicom/JPEG2000.dcm",
                "single/pydicom/SC_rgb_rle.dcm",
                "single/pydicom/MR_small_jpeg_ls_lossless.dcm",
                "single/fo-dicom/JPEGwithIcon.dcm",
                "single/pydicom/JPGExtended.dcm",
                "multiframe/pydicom-data/emri_small_jpeg_2k_lossless.dcm");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("sources")
    void writtenFilesSatisfyEveryPeerAndReadBackEqual(String relative) throws IOException {
        Path source = SharedData.requireDicomFile(relative);
        Path dcmdump = Peers.require("dcmdump");
        Path dciodvfy = Peers.require("dciodvfy");
        Path python = Peers.requirePydicom();
        DicomFile src = DicomReader.read(source, ReadOptions.BULK_BY_REFERENCE);
        assertTrue(src.complete(), src.problems().toString());
        Dataset expected = DicomReader.read(source, ReadOptions.IN_MEMORY).dataset();
        List<TransferSyntax> targets = new ArrayList<>();
        targets.add(src.transferSyntax());
        if (!src.transferSyntax().encapsulated()) {
            UNCOMPRESSED.stream().filter(t -> !t.uid().equals(src.transferSyntax().uid())).forEach(targets::add);
        }
        Set<String> sourceErrors = dciodvfyErrors(dciodvfy, source);
        List<String> failures = new ArrayList<>();
        StringBuilder pairs = new StringBuilder();
        for (TransferSyntax ts : targets) {
            Path out = dir.resolve(ts.uid() + ".dcm");
            DicomWriter.write(out, src.fileMeta(), src.dataset(), ts, WriteOptions.DEFAULT);
            String tag = ts.uid() + ": ";

            Peers.Result dump = Peers.run(Duration.ofSeconds(60), dcmdump.toString(), out.toString());
            if (dump.exitCode() != 0 || dump.stderr().lines().anyMatch(l -> l.startsWith("E:"))) {
                failures.add(tag + "dcmdump: " + dump.exitCode() + " " + dump.stderr());
            }

            Set<String> errors = dciodvfyErrors(dciodvfy, out);
            errors.removeAll(sourceErrors);
            if (!errors.isEmpty()) {
                failures.add(tag + "dciodvfy errors the source lacks: " + errors);
            }

            DicomFile back = DicomReader.read(out, ReadOptions.IN_MEMORY);
            if (!back.complete() || back.hasErrors()) {
                failures.add(tag + "our reader: " + back.problems());
            }
            assertEquals(ts.uid(), back.fileMeta().getString(Tag.TransferSyntaxUID));
            assertEquals(src.fileMeta().getString(Tag.MediaStorageSOPInstanceUID),
                    back.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
            DatasetComparison.differences(expected, back.dataset(), !ts.explicitVR())
                    .forEach(d -> failures.add(tag + d));
            pairs.append(source).append('\t').append(out).append('\t').append(ts.explicitVR() ? 0 : 1).append('\n');
        }

        if (!src.transferSyntax().encapsulated()) {
            // A chain through every uncompressed syntax loses nothing.
            Dataset current = src.dataset();
            Path previous = source;
            int step = 0;
            for (TransferSyntax ts : List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                    TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                Path out = dir.resolve("chain" + step++ + ".dcm");
                DicomWriter.write(out, null, current, ts, WriteOptions.DEFAULT);
                current = DicomReader.read(out, ReadOptions.BULK_BY_REFERENCE).dataset();
                previous = out;
            }
            DatasetComparison.differences(expected, DicomReader.read(previous, ReadOptions.IN_MEMORY).dataset(), true)
                    .forEach(d -> failures.add("chain: " + d));
        }

        Path pairsFile = dir.resolve("pairs.tsv");
        Files.writeString(pairsFile, pairs);
        Path script = dir.resolve("compare.py");
        Files.writeString(script, PYDICOM_COMPARE);
        Peers.Result py = Peers.run(Duration.ofSeconds(120), python.toString(), script.toString(), pairsFile.toString());
        if (py.exitCode() != 0) {
            failures.add("pydicom: exit " + py.exitCode() + " " + py.stderr());
        }
        py.stdout().lines().filter(l -> l.startsWith("DIFF")).forEach(l -> failures.add("pydicom " + l));
        if (!failures.isEmpty()) {
            fail(relative + ": " + failures.size() + " differences\n"
                    + failures.stream().limit(40).collect(Collectors.joining("\n")));
        }
    }

    /**
     * dciodvfy's "Error" lines, with element positions and offsets stripped so that files can be compared. The
     * dicom3tools build here cannot read deflated files at all (it fails on DCMTK's and on dclunie's own deflated
     * samples with "Implicit VR encoding even though supposed to be explicit"), so a deflated file is first inflated
     * by DCMTK's dcmconv; that also proves DCMTK inflates ours.
     */
    private Set<String> dciodvfyErrors(Path dciodvfy, Path file) throws IOException {
        DicomFile df = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        if (df.transferSyntax().deflated()) {
            Path inflated = Files.createTempFile(dir, "inflated", ".dcm");
            Peers.run(Duration.ofSeconds(60), Peers.require("dcmconv").toString(), "+te", file.toString(),
                    inflated.toString()).requireSuccess();
            file = inflated;
        }
        Peers.Result r = Peers.run(Duration.ofSeconds(120), dciodvfy.toString(), file.toString());
        return Stream.concat(r.stdout().lines(), r.stderr().lines())
                .filter(l -> l.startsWith("Error"))
                .map(l -> l.replaceAll("@0x[0-9a-fA-F]+|0x[0-9a-fA-F]{8,}|\\boffset \\d+", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Reads each (source, ours) pair with pydicom and compares to_json_dict() output. Binary values are inline (the
     * threshold is huge) and brought to little-endian order first, since a big-endian file keeps OW/OF/OL/OD/OV raw.
     * In implicit VR files a private or ambiguous element's VR is not recorded, so there only values are compared.
     */
    private static final String PYDICOM_COMPARE = """
            import sys, base64, json
            import pydicom
            from pydicom.tag import Tag

            WIDTH = {'OW': 2, 'OF': 4, 'OL': 4, 'OD': 8, 'OV': 8}

            def little_endian(ds, big):
                for elem in ds:
                    if elem.VR == 'SQ':
                        for item in elem.value:
                            little_endian(item, big)
                    elif big and elem.VR in WIDTH and isinstance(elem.value, bytes):
                        w = WIDTH[elem.VR]
                        b = elem.value
                        n = len(b) - len(b) % w
                        elem.value = b''.join(b[i:i + w][::-1] for i in range(0, n, w)) + b[n:]

            def load(path):
                ds = pydicom.dcmread(path, force=True)
                little_endian(ds, not ds.is_little_endian)
                return ds.to_json_dict(bulk_data_threshold=1 << 40)

            def flatten(d, prefix, out):
                for tag, el in d.items():
                    if tag.endswith('0000'):
                        continue
                    key = prefix + tag
                    vals = el.get('Value')
                    if el.get('vr') == 'SQ' and vals is not None:
                        out[key] = ('SQ', len(vals))
                        for i, item in enumerate(vals):
                            flatten(item, key + '[%d]' % i, out)
                    else:
                        out[key] = (el.get('vr'), json.dumps({k: v for k, v in el.items() if k != 'vr'}, sort_keys=True))
                return out

            def strip_pad(v):
                return v

            for line in open(sys.argv[1]):
                src, ours, implicit = line.rstrip('\\n').split('\\t')
                a = flatten(load(src), '', {})
                b = flatten(load(ours), '', {})
                for key in sorted(set(a) | set(b)):
                    x, y = a.get(key), b.get(key)
                    if x == y:
                        continue
                    if implicit == '1' and x is not None and y is not None and x[1] == y[1]:
                        continue
                    if implicit == '1' and x is not None and y is not None and (x[0] == 'UN' or y[0] == 'UN'):
                        continue
                    print('DIFF %s %s: %s -> %s' % (ours, key, str(x)[:200], str(y)[:200]))
            print('DONE')
            """;
}
