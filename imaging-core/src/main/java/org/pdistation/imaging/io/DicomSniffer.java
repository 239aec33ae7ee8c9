package org.pdistation.imaging.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Decides from a file's first bytes whether it is worth reading as DICOM (PDI-REQUIREMENTS 27): the one test the
 * file-set scanner, the media verifier and the importer share. Works on any file system (a folder, an ISO image's).
 */
public final class DicomSniffer {
    private DicomSniffer() {}

    /**
     * PS3.10 7.1: "DICM" at offset 128; or, for a bare data set without preamble, a first element in group 0002 or
     * 0008 with a small element number and either an explicit VR (two upper-case letters) or a short implicit length
     * (little endian). False for anything but a regular file (links are not followed).
     */
    public static boolean looksLikeDicom(Path f) throws IOException {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(132);
        }
        if (head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return true;
        }
        if (head.length < 8) {
            return false;
        }
        int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
        int element = (head[2] & 0xFF) | (head[3] & 0xFF) << 8;
        if ((group != 0x0002 && group != 0x0008) || element > 0x0020) {
            return false;
        }
        boolean explicitVr = Character.isUpperCase((char) head[4]) && Character.isUpperCase((char) head[5]);
        long implicitLength = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16
                | (head[7] & 0xFFL) << 24;
        return explicitVr || implicitLength < 1024;
    }
}
