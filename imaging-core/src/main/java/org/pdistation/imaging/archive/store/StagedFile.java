package org.pdistation.imaging.archive.store;

import java.nio.file.Path;

/**
 * An instance written completely (and synced) under a temporary name, not yet in place.
 *
 * @param temp          the temporary file
 * @param datasetOffset where the data set starts (after the Part 10 header)
 * @param size          the whole file's length
 * @param datasetSha256 hex SHA-256 of the data set bytes (the file meta, which names the sender, is left out so that
 *                      the same instance from two senders compares equal)
 */
public record StagedFile(Path temp, long datasetOffset, long size, String datasetSha256) {
}
