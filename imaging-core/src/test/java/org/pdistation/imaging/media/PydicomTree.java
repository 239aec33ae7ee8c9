package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.pdistation.imaging.testing.Peers;

/** Runs pydicom's FileSet on a DICOMDIR and returns its tree as indented text; null when pydicom refuses it. */
final class PydicomTree {
    private PydicomTree() {}

    static final String SCRIPT = """
            import sys, warnings
            warnings.simplefilter("ignore")
            from pydicom import dcmread
            from pydicom.fileset import FileSet
            KEYS = {"PATIENT": "PatientID", "STUDY": "StudyInstanceUID", "SERIES": "SeriesInstanceUID"}
            def key(rec):
                t = str(rec.DirectoryRecordType).strip()
                v = rec.get(KEYS.get(t, "ReferencedSOPInstanceUIDInFile"), "")
                return t + " " + str(v if v is not None else "").strip()
            def walk(node, depth, out):
                for ch in node.children:
                    out.append("  " * depth + key(ch._record))
                    walk(ch, depth + 1, out)
            try:
                fs = FileSet(dcmread(sys.argv[1]))
            except Exception as e:
                print("REFUSED", type(e).__name__, e)
                sys.exit(3)
            out = []
            walk(fs._tree, 0, out)
            print("\\n".join(out))
            """;

    static String tree(Path dicomdir, Path tempDir) throws IOException {
        Path python = Peers.requirePydicom();
        Path script = tempDir.resolve("fileset_tree.py");
        if (!Files.exists(script)) {
            Files.writeString(script, SCRIPT);
        }
        Peers.Result r = Peers.run(Duration.ofSeconds(60), python.toString(), script.toString(), dicomdir.toString());
        if (r.exitCode() == 3) {
            return null;
        }
        r.requireSuccess();
        return TreeText.canonical(r.stdout());
    }
}
