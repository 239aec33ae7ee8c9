package org.pdistation.creator.burn;

import java.util.Objects;

/**
 * An optical drive as a platform tool names it.
 *
 * @param id     what the tool takes to address the drive (xorriso: {@code /dev/sr0} or {@code stdio:/file};
 *               IMAPI2: the recorder's unique id; drutil: the drive number)
 * @param vendor the vendor string the drive reports, or "" when unknown
 * @param model  the product string the drive reports, or "" when unknown
 * @param path   where the operating system shows the drive (device file, drive letter), or "" when unknown
 */
public record Drive(String id, String vendor, String model, String path) {
    public Drive {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a drive id must not be blank");
        }
        vendor = vendor == null ? "" : vendor.strip();
        model = model == null ? "" : model.strip();
        path = path == null ? "" : path;
    }

    /** A drive known only by the id the user typed (e.g. {@code --device /dev/sr0}). */
    public static Drive of(String id) {
        return new Drive(id, "", "", id);
    }

    /** "id (vendor model)" for messages. */
    public String describe() {
        String name = (vendor + " " + model).strip();
        return name.isEmpty() ? id : id + " (" + name + ")";
    }
}
