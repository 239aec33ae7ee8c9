package org.pdistation.viewer.label;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.pdistation.creator.content.DisplayNames;
import org.pdistation.creator.label.LabelInfo;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.pdf.PdfPage;
import org.pdistation.imaging.pdf.PdfWriter;
import org.pdistation.imaging.render.PngWriter;

/**
 * Draws a medium's label at 300 dpi: a CD jewel-case insert (120 × 120 mm) or a round disc label (120 mm across,
 * with the 15 mm centre hole and the clear hub area left blank), and writes it as PNG or as a one-page PDF of
 * the same size. Needs java.awt in headless mode ({@code -Djava.awt.headless=true} where there is no display).
 */
public final class LabelRenderer {
    /** The two layouts. */
    public enum Layout {
        INSERT(120),
        DISC(120);

        final double sizeMm;

        Layout(double sizeMm) {
            this.sizeMm = sizeMm;
        }

        public double sizeMm() { return sizeMm; }
    }

    public static final int DPI = 300;
    private static final int MAX_STUDY_LINES = 5;
    private static final Color INK = new Color(0x1d2733);
    private static final Color MUTED = new Color(0x5a6b7c);
    private static final Color BAND = new Color(0x1f4e79);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * A drawn label.
     *
     * @param fontName the font family used
     * @param nameText the patient name as drawn
     * @param warnings e.g. the name drawn in its alphabetic form because no font had its characters
     */
    public record Rendered(BufferedImage image, Layout layout, String fontName, String nameText, List<String> warnings) {
        public Rendered {
            warnings = List.copyOf(warnings);
        }

        public void writePng(Path file) throws IOException {
            try (OutputStream os = OwnerOnly.newOutputStream(file)) {
                PngWriter.writeRgb(os, image.getWidth(), image.getHeight(), rgb(image));
            }
            ownerOnly(file);
        }

        /** One page of exactly the label's size holding the 300 dpi raster. */
        public void writePdf(Path file) throws IOException {
            PdfWriter.write(file, List.of(PdfPage.ofRaster(layout.sizeMm(), layout.sizeMm(),
                    PdfPage.Raster.rgb(image.getWidth(), image.getHeight(), rgb(image)))));
            ownerOnly(file);
        }

        /** The label holds patient data: readable by the owner only where POSIX permissions exist. */
        private static void ownerOnly(Path file) throws IOException {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    private LabelRenderer() {}

    /** Pixels for {@code mm} millimetres at 300 dpi. */
    static int px(double mm) {
        return (int) Math.round(mm / 25.4 * DPI);
    }

    public static Rendered render(LabelInfo info, Layout layout) {
        List<String> warnings = new ArrayList<>();
        String name = DisplayNames.of(info.patientName());
        List<String> texts = new ArrayList<>(List.of(name, info.institution(), info.patientId()));
        info.studies().forEach(s -> texts.add(s.description()));
        LabelFont font = LabelFont.choose(texts);
        if (!font.canDisplay(name)) {
            String alpha = DisplayNames.alphabetic(info.patientName());
            warnings.add("no installed font displays the patient name; its alphabetic form is printed"
                    + " (install fonts-droid-fallback or a CJK font)");
            name = alpha;
        }
        if (name.isEmpty()) name = "(no name)";
        int size = px(layout.sizeMm());
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            LabelText t = new LabelText(g, font, warnings);
            if (layout == Layout.INSERT) {
                drawInsert(t, g, info, name, size);
            } else {
                drawDisc(t, g, info, name, size);
            }
        } finally {
            g.dispose();
        }
        return new Rendered(img, layout, font.base().getFamily(), name, warnings);
    }

    private static void drawInsert(LabelText t, Graphics2D g, LabelInfo info, String name, int size) {
        int m = px(9);
        int w = size - 2 * m;
        // Title band with the content mark on the right.
        g.setColor(BAND);
        g.fillRect(0, 0, size, px(20));
        t.left("MEDICAL IMAGES", m, px(12.5), px(5.2), true, Color.WHITE, w / 2);
        t.badge(info.contentMark(), size - m, px(10), px(3.6), Color.WHITE, BAND);
        int y = px(33);
        t.left("Patient", m, y, px(3.2), false, MUTED, w);
        y += px(9);
        t.left(name, m, y, px(7), true, INK, w);
        y += px(10);
        int col = m + w / 2;
        t.left("Patient ID", m, y, px(3.2), false, MUTED, w / 2);
        t.left("Birth date", col, y, px(3.2), false, MUTED, w / 2);
        y += px(6);
        t.left(info.patientId().isEmpty() ? "-" : info.patientId(), m, y, px(4.6), true, INK, w / 2 - px(3));
        t.left(info.birthDate() == null ? "-" : DATE.format(info.birthDate()), col, y, px(4.6), true, INK, w / 2);
        y += px(6);
        g.setColor(new Color(0xc9d3dd));
        g.setStroke(new BasicStroke(px(0.4f)));
        g.drawLine(m, y, size - m, y);
        y += px(7);
        t.left(info.studies().size() == 1 ? "Study" : "Studies (" + info.studies().size() + ")", m, y, px(3.2),
                false, MUTED, w);
        for (String line : studyLines(info)) {
            y += px(6.2);
            t.left(line, m, y, px(4.2), false, INK, w);
        }
        // Footer: institution and creation date, anchored to the bottom edge.
        int fy = size - px(16);
        g.setColor(new Color(0xe3e9ef));
        g.fillRect(0, fy - px(7), size, size - fy + px(7));
        t.left(info.institution().isEmpty() ? "" : info.institution(), m, fy, px(4.2), true, INK, w);
        t.left("Created " + DATE.format(info.creationDate()) + "  \u00b7  Confidential patient information",
                m, fy + px(7), px(3.2), false, MUTED, w);
    }

    private static void drawDisc(LabelText t, Graphics2D g, LabelInfo info, String name, int size) {
        double c = size / 2.0;
        double r = size / 2.0 - 1;
        g.setColor(new Color(0xc9d3dd));
        g.setStroke(new BasicStroke(px(0.3f)));
        g.draw(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
        // ECMA-130: 15 mm centre hole; the clamping area up to about 33 mm carries no print.
        double hub = px(36) / 2.0;
        g.draw(new Ellipse2D.Double(c - hub, c - hub, 2 * hub, 2 * hub));
        double hole = px(15) / 2.0;
        g.draw(new Ellipse2D.Double(c - hole, c - hole, 2 * hole, 2 * hole));
        g.setClip(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
        g.setColor(BAND);
        g.fill(new Rectangle2D.Double(0, 0, size, px(24)));
        g.setClip(null);
        t.centre("MEDICAL IMAGES", (int) c, px(15), px(4.6), true, Color.WHITE, chord(r, c, px(15), px(4.6)));
        t.centre(info.contentMark(), (int) c, px(21.5), px(3.2), true, new Color(0xd8e4f0), chord(r, c, px(21.5), 0));
        t.centre(name, (int) c, px(33), px(5.6), true, INK, chord(r, c, px(33), px(5.6)));
        String idLine = "ID " + (info.patientId().isEmpty() ? "-" : info.patientId()) + "   \u00b7   Born "
                + (info.birthDate() == null ? "-" : DATE.format(info.birthDate()));
        t.centre(idLine, (int) c, px(40), px(3.6), false, INK, chord(r, c, px(40), px(3.6)));
        // Below the hub: studies, institution, date; each line kept inside the chord at its height.
        int y = (int) (c + hub) + px(7);
        for (String line : studyLines(info)) {
            if (y > size - px(24)) break;
            t.centre(line, (int) c, y, px(3.4), false, INK, chord(r, c, y, px(3.4)) - px(6));
            y += px(5);
        }
        int iy = Math.max(y + px(2), size - px(17));
        t.centre(info.institution(), (int) c, iy, px(3.6), true, INK, chord(r, c, iy, px(3.6)) - px(6));
        t.centre("Created " + DATE.format(info.creationDate()), (int) c, iy + px(5), px(3), false, MUTED,
                chord(r, c, iy + px(5), px(3)) - px(6));
    }

    /** The width of the circle of radius r at the text line whose baseline is y (the worse of top and bottom). */
    private static int chord(double r, double c, int baseline, int height) {
        double worst = Math.max(Math.abs(baseline - c), Math.abs(baseline - height - c));
        if (worst >= r) return 0;
        return (int) (2 * Math.sqrt(r * r - worst * worst)) - px(8);
    }

    private static List<String> studyLines(LabelInfo info) {
        List<String> lines = new ArrayList<>();
        int shown = Math.min(info.studies().size(), MAX_STUDY_LINES);
        for (int i = 0; i < shown; i++) {
            LabelInfo.Study s = info.studies().get(i);
            String d = s.date() == null ? "date unknown" : DATE.format(s.date());
            String what = s.description().isEmpty() ? String.join("/", s.modalities()) : s.description();
            lines.add(d + (what.isEmpty() ? "" : "   " + what));
        }
        if (info.studies().size() > shown) lines.add("+ " + (info.studies().size() - shown) + " more studies");
        if (info.otherPatients() > 0) lines.add("+ " + info.otherPatients() + " more patient(s), see README.TXT");
        return lines;
    }

    static byte[] rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[3 * w * h];
        for (int i = 0; i < argb.length; i++) {
            out[3 * i] = (byte) (argb[i] >> 16);
            out[3 * i + 1] = (byte) (argb[i] >> 8);
            out[3 * i + 2] = (byte) argb[i];
        }
        return out;
    }

    /** Text drawing that never overflows: a line too wide shrinks to 70 % of its size, then is cut with "…". */
    private record LabelText(Graphics2D g, LabelFont font, List<String> warnings) {
        int fit(String s, int sizePx, boolean bold, int maxWidth, String[] out) {
            float size = sizePx;
            Font f = font.at(size, bold);
            FontMetrics fm = g.getFontMetrics(f);
            while (fm.stringWidth(s) > maxWidth && size > sizePx * 0.7f) {
                size -= 1;
                f = font.at(size, bold);
                fm = g.getFontMetrics(f);
            }
            String text = s;
            if (fm.stringWidth(text) > maxWidth) {
                while (!text.isEmpty() && fm.stringWidth(text + "\u2026") > maxWidth) {
                    text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
                }
                text = text + "\u2026";
            }
            g.setFont(f);
            out[0] = text;
            return fm.stringWidth(text);
        }

        void left(String s, int x, int baseline, int sizePx, boolean bold, Color color, int maxWidth) {
            if (s == null || s.isEmpty() || maxWidth <= 0) return;
            String[] out = new String[1];
            fit(s, sizePx, bold, maxWidth, out);
            g.setColor(color);
            g.drawString(out[0], x, baseline);
        }

        void centre(String s, int cx, int baseline, int sizePx, boolean bold, Color color, int maxWidth) {
            if (s == null || s.isEmpty() || maxWidth <= 0) return;
            String[] out = new String[1];
            int w = fit(s, sizePx, bold, maxWidth, out);
            g.setColor(color);
            g.drawString(out[0], cx - w / 2, baseline);
        }

        /** A rounded box with the text in {@code fill} colour on white, right-aligned at {@code right}. */
        void badge(String s, int right, int centreY, int sizePx, Color box, Color ink) {
            Font f = font.at(sizePx, true);
            FontMetrics fm = g.getFontMetrics(f);
            int w = fm.stringWidth(s) + px(5);
            int h = px(7);
            g.setColor(box);
            g.fillRoundRect(right - w, centreY - h / 2, w, h, px(2), px(2));
            g.setColor(ink);
            g.setFont(f);
            g.drawString(s, right - w + px(2.5), centreY + fm.getAscent() / 2 - px(0.5));
        }
    }
}
