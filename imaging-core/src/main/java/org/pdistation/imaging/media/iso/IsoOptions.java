package org.pdistation.imaging.media.iso;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What goes into the volume descriptors of an image written by {@link IsoWriter}.
 *
 * @param volumeId      ECMA-119 8.4.6: at most 32 d-characters (A-Z, 0-9, _); for PDI media the File-set ID
 * @param volumeSetId   ECMA-119 8.4.18 (d-characters, at most 128)
 * @param publisherId   ECMA-119 8.4.19 (a-characters, at most 128)
 * @param applicationId ECMA-119 8.4.22 (a-characters, at most 128)
 * @param joliet        also write a Joliet supplementary tree (UCS-2 names, level 3)
 * @param created       volume creation time, also used as the recording time of every record so that the same
 *                      tree and options give the same bytes
 * @param udf           also write UDF 1.02 structures over the same file data (a UDF bridge image, as DVD and BD
 *                      readers expect; see {@link UdfLayout})
 * @param longNameFolders root folders (e.g. a portable viewer's {@code VIEWER}) below which names need not be ISO
 *                      9660 Level 1 names nor stay within 8 levels: such entries keep their source names in the
 *                      Joliet and UDF trees and are left out of the Level 1 tree (which stays conformant); empty:
 *                      every name must be a Level 1 name, as PDI media's DICOM part requires
 */
public record IsoOptions(String volumeId, String volumeSetId, String publisherId, String applicationId,
                         boolean joliet, Instant created, boolean udf, Set<String> longNameFolders) {
    public static final String PDI_STATION = "PDI STATION";

    public IsoOptions {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(created, "created");
        volumeSetId = volumeSetId == null ? "" : volumeSetId;
        publisherId = publisherId == null ? "" : publisherId;
        applicationId = applicationId == null ? "" : applicationId;
        IsoNames.requireDString(volumeId, 32, "volume identifier");
        IsoNames.requireDString(volumeSetId, 128, "volume set identifier");
        IsoNames.requireAString(publisherId, 128, "publisher identifier");
        IsoNames.requireAString(applicationId, 128, "application identifier");
        longNameFolders = longNameFolders == null ? Set.of() : Set.copyOf(longNameFolders);
        if (!longNameFolders.isEmpty() && !joliet && !udf) {
            throw new IllegalArgumentException("long names below " + longNameFolders + " need a Joliet or UDF tree");
        }
    }

    /** Level 1 names everywhere. */
    public IsoOptions(String volumeId, String volumeSetId, String publisherId, String applicationId,
                      boolean joliet, Instant created, boolean udf) {
        this(volumeId, volumeSetId, publisherId, applicationId, joliet, created, udf, Set.of());
    }

    /** ISO 9660 (and Joliet) only, no UDF. */
    public IsoOptions(String volumeId, String volumeSetId, String publisherId, String applicationId,
                      boolean joliet, Instant created) {
        this(volumeId, volumeSetId, publisherId, applicationId, joliet, created, false);
    }

    /** The same options with the UDF bridge on or off. */
    public IsoOptions withUdf(boolean on) {
        return new IsoOptions(volumeId, volumeSetId, publisherId, applicationId, joliet, created, on,
                longNameFolders);
    }

    /** The same options with source names (Joliet, UDF) allowed below the given root folders. */
    public IsoOptions withLongNamesUnder(Set<String> folders) {
        return new IsoOptions(volumeId, volumeSetId, publisherId, applicationId, joliet, created, udf, folders);
    }

    /** The options a PDI Station medium uses: the File-set ID as volume ID, Joliet on, UDF off (CD). */
    public static IsoOptions pdi(String fileSetId, Instant created) {
        return new IsoOptions(fileSetId, fileSetId, PDI_STATION, PDI_STATION, true, created);
    }
}
