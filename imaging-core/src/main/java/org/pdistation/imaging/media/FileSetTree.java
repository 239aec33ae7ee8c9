package org.pdistation.imaging.media;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A DICOMDIR read into a tree of records.
 *
 * @param dicomdir          the DICOMDIR file
 * @param root              the file-set root folder (the DICOMDIR's folder)
 * @param fileSetId         (0004,1130), possibly empty
 * @param fileSetUid        (0002,0003) Media Storage SOP Instance UID
 * @param descriptorFileId  (0004,1141) components joined with '/', or null
 * @param roots             the records of the root directory entity
 * @param problems          what was wrong and what was done about it
 */
public record FileSetTree(Path dicomdir, Path root, String fileSetId, String fileSetUid, String descriptorFileId,
                          List<DirectoryRecord> roots, List<FileSetProblem> problems) {
    public FileSetTree {
        roots = List.copyOf(roots);
        problems = List.copyOf(problems);
    }

    /** Every record, depth first in tree order; iterative so that deep trees cannot overflow the stack. */
    public List<DirectoryRecord> allRecords() {
        List<DirectoryRecord> out = new ArrayList<>();
        Deque<DirectoryRecord> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            DirectoryRecord r = stack.pop();
            out.add(r);
            List<DirectoryRecord> c = r.children();
            for (int i = c.size() - 1; i >= 0; i--) {
                stack.push(c.get(i));
            }
        }
        return out;
    }
}
