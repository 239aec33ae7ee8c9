package org.pdistation.imaging.codec.opencv;

import org.pdistation.imaging.codec.CodecException;

/**
 * What the main header of a JPEG 2000 codestream says about the image, read in Java before any native code sees
 * the bytes: the codestream range (inside a JP2 wrapper when there is one), the image size from SIZ, and the
 * components' precision and signedness. Refusing malformed or unsupported headers here keeps OpenJPEG's error
 * paths (and its allocations sized from SIZ) out of reach of hostile input.
 *
 * @param codestreamOffset offset of SOC in the source array
 * @param codestreamLength bytes from SOC to the end of the codestream (or of the frame)
 * @param width            Xsiz − XOsiz
 * @param height           Ysiz − YOsiz
 * @param components       Csiz
 * @param precision        bits per sample of every component (Ssiz low 7 bits + 1)
 * @param signed           whether the components are signed (Ssiz bit 7)
 * @param ssizOffset       offset in the source array of the first component's Ssiz byte (3 bytes per component)
 * @param multipleComponentTransform COD SGcod MCT = 1 (T.800 A.6.1): RCT or ICT was applied to components 0–2
 * @param highThroughput   Rsiz bit 14: HTJ2K (T.814) capabilities, decoded by OpenJPEG ≥ 2.5
 */
record J2kHeader(int codestreamOffset, int codestreamLength, int width, int height, int components,
                 int precision, boolean signed, int ssizOffset, boolean multipleComponentTransform,
                 boolean highThroughput) {

    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;
    private static final int COD = 0xFF52;
    private static final int SOT = 0xFF90;
    private static final int SOD = 0xFF93;
    /** T.800 I.5.1: the JP2 signature box, 12 bytes. */
    private static final byte[] JP2_SIGNATURE = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};

    static boolean isJp2(byte[] src, int off, int len) {
        if (len < JP2_SIGNATURE.length) return false;
        for (int i = 0; i < JP2_SIGNATURE.length; i++) if (src[off + i] != JP2_SIGNATURE[i]) return false;
        return true;
    }

    static J2kHeader parse(byte[] src, int off, int len) throws CodecException {
        if (isJp2(src, off, len)) {
            long[] box = findCodestreamBox(src, off, len);
            return parseCodestream(src, (int) box[0], (int) box[1], off);
        }
        return parseCodestream(src, off, len, off);
    }

    /** T.800 I.4: walks the top-level boxes to the Contiguous Codestream box ('jp2c'); returns {start, length}. */
    private static long[] findCodestreamBox(byte[] src, int off, int len) throws CodecException {
        long pos = 0;
        while (pos + 8 <= len) {
            long boxLen = u32(src, off + (int) pos);
            int type = (int) u32(src, off + (int) pos + 4);
            long header = 8;
            if (boxLen == 1) {
                if (pos + 16 > len) break;
                boxLen = (u32(src, off + (int) pos + 8) << 32) | u32(src, off + (int) pos + 12);
                header = 16;
            } else if (boxLen == 0) {
                boxLen = len - pos; // I.4: the box runs to the end of the file
            }
            if (boxLen < header || pos + boxLen > len) {
                if (type == 0x6A703263 && boxLen >= header) boxLen = len - pos; // truncated jp2c: let SIZ decide
                else throw new CodecException("JP2 box at byte " + pos + " has invalid length " + boxLen);
            }
            if (type == 0x6A703263) { // 'jp2c'
                return new long[] {off + pos + header, boxLen - header};
            }
            pos += boxLen;
        }
        throw new CodecException("JP2 file has no contiguous codestream box ('jp2c')");
    }

    private static J2kHeader parseCodestream(byte[] src, int off, int len, int frameStart) throws CodecException {
        int at = off - frameStart;
        if (len < 4 || u16(src, off) != SOC || u16(src, off + 2) != SIZ) {
            throw new CodecException("JPEG 2000 codestream at byte " + at + " does not start with SOC, SIZ (FF4F FF51)");
        }
        // T.800 A.5.1: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz {Ssiz XRsiz YRsiz}
        if (len < 4 + 38) throw new CodecException("JPEG 2000 SIZ marker segment truncated at byte " + (at + len));
        int p = off + 4;
        int lsiz = u16(src, p);
        int rsiz = u16(src, p + 2);
        long xsiz = u32(src, p + 4), ysiz = u32(src, p + 8), xo = u32(src, p + 12), yo = u32(src, p + 16);
        long xt = u32(src, p + 20), yt = u32(src, p + 24), xto = u32(src, p + 28), yto = u32(src, p + 32);
        int csiz = u16(src, p + 36);
        if (csiz < 1 || csiz > 16384 || lsiz != 38 + 3 * csiz) {
            throw new CodecException("JPEG 2000 SIZ at byte " + (at + 4) + ": Lsiz " + lsiz + " does not match Csiz " + csiz);
        }
        if (len < 4 + lsiz) throw new CodecException("JPEG 2000 SIZ marker segment truncated at byte " + (at + len));
        if (xsiz <= xo || ysiz <= yo || xt == 0 || yt == 0 || xto > xo || yto > yo
                || xto + xt <= xo || yto + yt <= yo) {
            throw new CodecException("JPEG 2000 SIZ at byte " + (at + 4) + " describes an empty or inconsistent image grid "
                    + "(Xsiz " + xsiz + ", Ysiz " + ysiz + ", offsets " + xo + "," + yo + ", tiles " + xt + "x" + yt
                    + " at " + xto + "," + yto + ")");
        }
        long tiles = ceilDiv(xsiz - xto, xt) * ceilDiv(ysiz - yto, yt);
        if (tiles > 65535) { // A.4.2: Isot is 0…65534
            throw new CodecException("JPEG 2000 SIZ at byte " + (at + 4) + " implies " + tiles + " tiles (at most 65535)");
        }
        int ssiz0 = src[p + 38] & 0xFF;
        for (int c = 0; c < csiz; c++) {
            int q = p + 38 + 3 * c;
            int ssiz = src[q] & 0xFF;
            int prec = (ssiz & 0x7F) + 1;
            if (prec > 38) throw new CodecException("JPEG 2000 component " + c + " has invalid precision " + prec);
            if (ssiz != ssiz0) {
                throw new CodecException("JPEG 2000 components with different precision or signedness are not supported");
            }
            if ((src[q + 1] & 0xFF) != 1 || (src[q + 2] & 0xFF) != 1) {
                throw new CodecException("JPEG 2000 component " + c + " is subsampled (XRsiz " + (src[q + 1] & 0xFF)
                        + ", YRsiz " + (src[q + 2] & 0xFF) + "), which DICOM does not allow");
            }
        }
        boolean mct = readMct(src, off + 4 + lsiz, off + len);
        return new J2kHeader(off, len, (int) (xsiz - xo), (int) (ysiz - yo), csiz, (ssiz0 & 0x7F) + 1,
                (ssiz0 & 0x80) != 0, p + 38, mct, (rsiz & 0x4000) != 0);
    }

    /** Scans the main header's marker segments for COD and returns its MCT flag (T.800 A.6.1, Table A.14). */
    private static boolean readMct(byte[] src, int p, int end) throws CodecException {
        while (p + 4 <= end) {
            int marker = u16(src, p);
            if (marker == SOT || marker == SOD) break;
            if ((marker & 0xFF00) != 0xFF00) {
                throw new CodecException("JPEG 2000 main header: expected a marker at byte " + p + ", found "
                        + Integer.toHexString(marker));
            }
            int segLen = u16(src, p + 2);
            if (segLen < 2) throw new CodecException("JPEG 2000 marker segment at byte " + p + " has length " + segLen);
            if (marker == COD) {
                if (p + 9 > end) break;
                return (src[p + 2 + 2 + 4] & 0xFF) == 1; // Lcod, Scod, SGcod = {progression, layers(2), MCT}
            }
            p += 2 + segLen;
        }
        throw new CodecException("JPEG 2000 main header has no COD marker segment");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
