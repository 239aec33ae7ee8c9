package org.pdistation.imaging.pdf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

import org.pdistation.imaging.io.OwnerOnly;

/**
 * Writes a PDF 1.4 document (PDF Reference 1.4, ISO 32000-1 for the same structures) from {@link PdfPage}s.
 *
 * <p>Layout of the file (§3.4): header, then the objects in number order — 1 Catalog, 2 Pages, 3 and 4 the fonts,
 * then per page its Page object, its content stream and one Image XObject per raster — then the cross-reference
 * table with one 20-byte entry per object (§3.4.3), the trailer and {@code startxref}. Streams are compressed with
 * FlateDecode (§3.3.3, zlib format as written by {@link Deflater}). Fonts are the standard Type 1 fonts
 * Helvetica and Helvetica-Bold (§5.5.1), which every reader has, so nothing is embedded.
 */
public final class PdfWriter {
    private static final double PT_PER_MM = 72.0 / 25.4;
    private static final int FIRST_PAGE_OBJECT = 5;

    private PdfWriter() {}

    /** Writes the document to {@code file} (replaced when present), owner-only: reports name patients. */
    public static void write(Path file, List<PdfPage> pages) throws IOException {
        try (OutputStream os = new BufferedOutputStream(OwnerOnly.newOutputStream(file), 1 << 16)) {
            write(os, pages);
        }
    }

    public static byte[] toBytes(List<PdfPage> pages) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            write(bos, pages);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bos.toByteArray();
    }

    /** Writes the document; {@code out} is not closed. */
    public static void write(OutputStream out, List<PdfPage> pages) throws IOException {
        if (pages.isEmpty()) throw new IllegalArgumentException("a PDF needs at least one page (§3.6.2)");
        Counting os = new Counting(out);
        List<Long> offsets = new ArrayList<>();
        // §3.4.1: a comment line of four bytes >= 128 right after the header marks the file as binary.
        os.write("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n".getBytes(StandardCharsets.ISO_8859_1));

        int[] pageObject = new int[pages.size()];
        int next = FIRST_PAGE_OBJECT;
        for (int i = 0; i < pages.size(); i++) {
            pageObject[i] = next;
            next += 2 + pages.get(i).images().size();
        }
        StringBuilder kids = new StringBuilder();
        for (int n : pageObject) kids.append(kids.isEmpty() ? "" : " ").append(n).append(" 0 R");

        object(os, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
        object(os, offsets, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
        object(os, offsets, font("Helvetica"));
        object(os, offsets, font("Helvetica-Bold"));
        for (int i = 0; i < pages.size(); i++) {
            writePage(os, offsets, pages.get(i), pageObject[i]);
        }

        long xref = os.count;
        StringBuilder sb = new StringBuilder();
        sb.append("xref\n0 ").append(offsets.size() + 1).append('\n');
        // §3.4.3: each entry is exactly 20 bytes, its end-of-line two bytes; object 0 heads the free list.
        sb.append("0000000000 65535 f\r\n");
        for (long off : offsets) sb.append(String.format(Locale.ROOT, "%010d 00000 n\r\n", off));
        sb.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        os.write(ascii(sb.toString()));
        os.flush();
    }

    private static String font(String base) {
        return "<< /Type /Font /Subtype /Type1 /BaseFont /" + base + " /Encoding /WinAnsiEncoding >>";
    }

    private static void writePage(Counting os, List<Long> offsets, PdfPage page, int pageNumber) throws IOException {
        int contents = pageNumber + 1;
        double w = page.widthMm() * PT_PER_MM;
        double h = page.heightMm() * PT_PER_MM;
        StringBuilder xobjects = new StringBuilder();
        for (int k = 0; k < page.images().size(); k++) {
            xobjects.append(" /Im").append(k + 1).append(' ').append(contents + 1 + k).append(" 0 R");
        }
        object(os, offsets, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(w) + " " + num(h) + "]"
                + " /Resources << /Font << /F1 3 0 R /F2 4 0 R >>"
                + (xobjects.isEmpty() ? "" : " /XObject <<" + xobjects + " >>")
                + " /ProcSet [/PDF /Text /ImageB /ImageC] >> /Contents " + contents + " 0 R >>");
        stream(os, offsets, "", content(page, h));
        for (PdfPage.Image img : page.images()) {
            PdfPage.Raster r = img.raster();
            int length = r.width() * r.height() * r.channels();
            byte[] pixels = r.pixels().length == length ? r.pixels() : java.util.Arrays.copyOf(r.pixels(), length);
            stream(os, offsets, "/Type /XObject /Subtype /Image /Width " + r.width() + " /Height " + r.height()
                    + " /ColorSpace " + (r.channels() == 3 ? "/DeviceRGB" : "/DeviceGray")
                    + " /BitsPerComponent 8 ", pixels);
        }
    }

    /** The page's content stream (§4.4 graphics operators, §5.3 text operators). */
    private static byte[] content(PdfPage page, double pageHeightPt) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        for (int k = 0; k < page.images().size(); k++) {
            PdfPage.Image img = page.images().get(k);
            double iw = img.widthMm() * PT_PER_MM;
            double ih = img.heightMm() * PT_PER_MM;
            double x = img.xMm() * PT_PER_MM;
            double y = pageHeightPt - img.yMm() * PT_PER_MM - ih;
            // §4.8.3: an image occupies the unit square; cm maps it onto the box.
            c.writeBytes(ascii("q " + num(iw) + " 0 0 " + num(ih) + " " + num(x) + " " + num(y) + " cm /Im" + (k + 1)
                    + " Do Q\n"));
        }
        if (!page.lines().isEmpty()) {
            c.writeBytes(ascii("0 g\n"));
        }
        for (PdfPage.TextLine line : page.lines()) {
            double x = line.xMm() * PT_PER_MM;
            double y = pageHeightPt - line.baselineYMm() * PT_PER_MM;
            c.writeBytes(ascii("BT /" + (line.bold() ? "F2 " : "F1 ") + num(line.sizePt()) + " Tf 1 0 0 1 " + num(x)
                    + " " + num(y) + " Tm "));
            c.writeBytes(WinAnsi.literal(line.text()));
            c.writeBytes(ascii(" Tj ET\n"));
        }
        return c.toByteArray();
    }

    private static void object(Counting os, List<Long> offsets, String body) throws IOException {
        offsets.add(os.count);
        os.write(ascii(offsets.size() + " 0 obj\n" + body + "\nendobj\n"));
    }

    /** A FlateDecode stream object; {@code dict} holds the other entries, each followed by a space. */
    private static void stream(Counting os, List<Long> offsets, String dict, byte[] data) throws IOException {
        byte[] z = deflate(data);
        offsets.add(os.count);
        os.write(ascii(offsets.size() + " 0 obj\n<< " + dict + "/Filter /FlateDecode /Length " + z.length
                + " >>\nstream\n"));
        os.write(z);
        // §3.2.7: an end-of-line marker before endstream, not counted in Length.
        os.write(ascii("\nendstream\nendobj\n"));
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** A real number as PDF writes it (§3.2.2: no exponent), with at most 4 decimals. */
    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s.equals("-0") ? "0" : s;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Counts bytes so that each object's offset is known for the xref table. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
