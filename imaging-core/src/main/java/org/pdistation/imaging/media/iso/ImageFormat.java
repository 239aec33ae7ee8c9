package org.pdistation.imaging.media.iso;

/** Which file system of an image {@link IsoFileSystem} reads. */
public enum ImageFormat {
    /** ECMA-119 primary tree (Level 1 names). */
    ISO9660,
    /** The Joliet supplementary tree (UCS-2 names). */
    JOLIET,
    /** ECMA-167 / OSTA UDF (a UDF-only image, or a bridge image whose ISO 9660 side does not read). */
    UDF
}
