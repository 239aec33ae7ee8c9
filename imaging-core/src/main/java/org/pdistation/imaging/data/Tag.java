package org.pdistation.imaging.data;

/** Temporary subset; replaced by the generated dictionary. */
public final class Tag {
    private Tag() {}
    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PixelData = 0x7FE00010;
    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static int group(int tag) { return tag >>> 16; }
    public static int element(int tag) { return tag & 0xFFFF; }
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) != 0 && g != 0x0001 && g != 0x0003 && g != 0x0005 && g != 0x0007 && g != 0xFFFF;
    }
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }
    public static boolean isGroupLength(int tag) { return element(tag) == 0; }
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
