package org.pdistation.imaging.render;

/**
 * Resizes an 8-bit grey image to fit a box, keeping the aspect ratio: area averaging when shrinking (every source
 * pixel contributes by its covered area, so thin lines do not vanish), bilinear interpolation when enlarging.
 */
public final class GreyResize {
    private GreyResize() {}

    /** The largest {width, height} with the source's aspect ratio that fits in {@code boxW × boxH}, at least 1×1. */
    public static int[] fit(int srcW, int srcH, int boxW, int boxH) {
        double s = Math.min(boxW / (double) srcW, boxH / (double) srcH);
        return new int[] {Math.max(1, (int) Math.round(srcW * s)), Math.max(1, (int) Math.round(srcH * s))};
    }

    public static byte[] resize(byte[] src, int srcW, int srcH, int dstW, int dstH) {
        if (dstW == srcW && dstH == srcH) return src.clone();
        if (dstW <= srcW && dstH <= srcH) return area(src, srcW, srcH, dstW, dstH);
        return bilinear(src, srcW, srcH, dstW, dstH);
    }

    private static byte[] area(byte[] src, int srcW, int srcH, int dstW, int dstH) {
        byte[] dst = new byte[dstW * dstH];
        double sx = srcW / (double) dstW;
        double sy = srcH / (double) dstH;
        for (int y = 0; y < dstH; y++) {
            double y0 = y * sy;
            double y1 = y0 + sy;
            for (int x = 0; x < dstW; x++) {
                double x0 = x * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double weight = 0;
                for (int yy = (int) y0; yy < Math.min(srcH, (int) Math.ceil(y1)); yy++) {
                    double wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
                    if (wy <= 0) continue;
                    for (int xx = (int) x0; xx < Math.min(srcW, (int) Math.ceil(x1)); xx++) {
                        double wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
                        if (wx <= 0) continue;
                        sum += (src[yy * srcW + xx] & 0xFF) * wx * wy;
                        weight += wx * wy;
                    }
                }
                dst[y * dstW + x] = (byte) (weight > 0 ? (int) Math.round(sum / weight) : 0);
            }
        }
        return dst;
    }

    private static byte[] bilinear(byte[] src, int srcW, int srcH, int dstW, int dstH) {
        byte[] dst = new byte[dstW * dstH];
        for (int y = 0; y < dstH; y++) {
            // pixel centres aligned: source coordinate of the destination centre
            double fy = Math.max(0, Math.min(srcH - 1, (y + 0.5) * srcH / dstH - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(srcH - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < dstW; x++) {
                double fx = Math.max(0, Math.min(srcW - 1, (x + 0.5) * srcW / dstW - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(srcW - 1, x0 + 1);
                double tx = fx - x0;
                double top = (src[y0 * srcW + x0] & 0xFF) * (1 - tx) + (src[y0 * srcW + x1] & 0xFF) * tx;
                double bottom = (src[y1 * srcW + x0] & 0xFF) * (1 - tx) + (src[y1 * srcW + x1] & 0xFF) * tx;
                dst[y * dstW + x] = (byte) (int) Math.round(top * (1 - ty) + bottom * ty);
            }
        }
        return dst;
    }
}
