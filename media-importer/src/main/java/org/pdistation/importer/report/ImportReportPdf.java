package org.pdistation.importer.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.pdf.PdfPage;
import org.pdistation.imaging.pdf.PdfWriter;

/**
 * The per-import report as PDF (issue 6 item 6): {@link ImportReport#lines()} laid out on A4 pages with imaging-core's
 * {@link PdfWriter}, the heading and counts in bold, long lines wrapped, "page i of n" at the foot. The report holds
 * UIDs, file IDs and status texts only (no patient names), which the standard Helvetica font's WinAnsiEncoding
 * covers; a character outside it (a non-Latin file ID) prints as '?'.
 */
public final class ImportReportPdf {
    private static final double WIDTH = 210;
    private static final double HEIGHT = 297;
    private static final double MARGIN = 15;
    private static final double LINE = 4.2;
    private static final double SIZE = 8;
    /** Characters per line at 8 pt Helvetica within the text width (digits are 0.556 em: ~114 fit in 180 mm). */
    private static final int WRAP = 110;
    private static final int HEADING_LINES = 5;

    private ImportReportPdf() {}

    public static void write(ImportReport report, Path file) throws IOException {
        PdfWriter.write(file, pages(report));
    }

    public static byte[] toBytes(ImportReport report) {
        return PdfWriter.toBytes(pages(report));
    }

    static List<PdfPage> pages(ImportReport report) {
        List<String> source = report.lines();
        List<PdfPage.TextLine> laid = new ArrayList<>();
        List<List<PdfPage.TextLine>> pages = new ArrayList<>();
        double y = MARGIN + 6;
        for (int i = 0; i < source.size(); i++) {
            boolean heading = i == 0;
            boolean bold = i < HEADING_LINES || isSection(source.get(i));
            for (String piece : wrap(source.get(i))) {
                if (y > HEIGHT - MARGIN - 8) {
                    pages.add(laid);
                    laid = new ArrayList<>();
                    y = MARGIN + 6;
                }
                laid.add(new PdfPage.TextLine(piece, MARGIN, y, heading ? 12 : SIZE, bold));
                y += heading ? 7 : LINE;
            }
        }
        pages.add(laid);
        List<PdfPage> out = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfPage.TextLine> lines = new ArrayList<>(pages.get(p));
            lines.add(new PdfPage.TextLine("Import job " + report.job().id() + " - page " + (p + 1) + " of "
                    + pages.size(), MARGIN, HEIGHT - MARGIN / 2, 7, false));
            out.add(new PdfPage(WIDTH, HEIGHT, List.of(), lines));
        }
        return out;
    }

    private static boolean isSection(String line) {
        return !line.isEmpty() && !line.startsWith(" ") && line.endsWith(")")
                && Character.isUpperCase(line.charAt(0)) && line.indexOf(' ') > 0
                && line.substring(0, line.indexOf(' ')).chars().allMatch(c -> Character.isUpperCase(c) || c == '_');
    }

    /** Splits at spaces where possible, else hard at {@link #WRAP}; continuation lines indented. */
    static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        String indent = "";
        while (indent.length() + rest.length() > WRAP) {
            int room = WRAP - indent.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= room / 2) {
                cut = room;
            }
            out.add(indent + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            indent = "      ";
        }
        out.add(indent + rest);
        return out;
    }
}
