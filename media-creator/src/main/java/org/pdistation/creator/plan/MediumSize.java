package org.pdistation.creator.plan;

/**
 * How much a medium holds and how the file system spends it.
 *
 * <p>Capacities are the recordable user data of each disc type in 2048-byte sectors: CD-R 80 min 360,000 sectors;
 * DVD±R 2,295,104; DVD+R DL 4,171,712; BD-R SL 12,219,392. A USB stick gives its free bytes.
 *
 * <p>Overhead estimate: every file and folder takes whole allocation blocks (2048-byte sectors on ISO 9660/UDF,
 * 32 KiB clusters assumed for a FAT32/exFAT stick), plus a fixed reserve for the volume structures (system area,
 * volume descriptors, path tables, Joliet/UDF copies of the directory tree: 2 MiB), plus a 1 % margin of the
 * capacity for what we do not model (directory records of very large folders, burner lead-out differences).
 */
public record MediumSize(String name, long capacityBytes, int blockSize) {
    public static final MediumSize CD = new MediumSize("CD", 360_000L * 2048, 2048);
    public static final MediumSize DVD = new MediumSize("DVD", 2_295_104L * 2048, 2048);
    public static final MediumSize DVD_DL = new MediumSize("DVD_DL", 4_171_712L * 2048, 2048);
    public static final MediumSize BD = new MediumSize("BD", 12_219_392L * 2048, 2048);

    static final long FIXED_RESERVE = 2L << 20;

    public MediumSize {
        if (capacityBytes <= 0 || blockSize <= 0) {
            throw new IllegalArgumentException("capacity and block size must be positive");
        }
    }

    /** A USB stick (or any folder) with this many free bytes. */
    public static MediumSize usb(long freeBytes) {
        return new MediumSize("USB", freeBytes, 32 * 1024);
    }

    /** "CD", "DVD", "DVD_DL" (or "DVD-DL"), "BD"; USB needs {@link #usb(long)}. */
    public static MediumSize of(String name) {
        return switch (name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')) {
            case "CD" -> CD;
            case "DVD" -> DVD;
            case "DVD_DL" -> DVD_DL;
            case "BD" -> BD;
            default -> throw new IllegalArgumentException("unknown medium " + name + " (CD, DVD, DVD_DL, BD, USB)");
        };
    }

    /**
     * Whether an image for this medium carries a UDF 1.02 bridge beside ISO 9660 + Joliet: DVD and BD (their
     * readers and players look for UDF first); a CD or a stick keeps plain ISO 9660 + Joliet.
     */
    public boolean udfBridge() {
        return blockSize == 2048 && capacityBytes > CD.capacityBytes;
    }

    /** Bytes a file of {@code length} occupies: whole blocks, at least one. */
    public long allocated(long length) {
        long blocks = Math.max(1, (length + blockSize - 1) / blockSize);
        return blocks * blockSize;
    }

    /** What is left for file-set content after the fixed reserve and the 1 % margin; never negative. */
    public long usableBytes() {
        long margin = capacityBytes / 100;
        return Math.max(0, capacityBytes - margin - Math.min(FIXED_RESERVE, capacityBytes / 4));
    }
}
