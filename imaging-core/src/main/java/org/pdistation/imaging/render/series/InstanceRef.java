package org.pdistation.imaging.render.series;

import java.nio.file.Path;

/**
 * One image of a series: a file and a frame in it (0-based; always 0 for single-frame instances).
 *
 * @param path  the file
 * @param frame frame index within the file
 */
public record InstanceRef(Path path, int frame) {
    public InstanceRef {
        if (frame < 0) {
            throw new IllegalArgumentException("negative frame index " + frame + " for " + path);
        }
    }

    @Override
    public String toString() {
        return frame == 0 ? String.valueOf(path) : path + "#" + frame;
    }
}
