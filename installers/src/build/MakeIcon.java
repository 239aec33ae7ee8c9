import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the application icon at build time (so that no binary is committed): a dark rounded tile holding an
 * optical disc with a CT-like grey slice in its label area. Run as a single-file source program:
 * {@code java MakeIcon.java OUT.png [SIZE]}.
 */
public final class MakeIcon {
    private MakeIcon() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java MakeIcon.java OUT.png [SIZE]");
            System.exit(2);
        }
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        ImageIO.write(draw(size), "png", out.toFile());
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double m = s * 0.04;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f3a5f), 0, s, new Color(0x0b1726)));
        g.fill(new RoundRectangle2D.Double(m, m, s - 2 * m, s - 2 * m, s * 0.22, s * 0.22));
        // The disc: a silver ring with a darker hub.
        double c = s / 2.0;
        double r = s * 0.38;
        g.setPaint(new GradientPaint((float) (c - r), (float) (c - r), new Color(0xe8edf2),
                (float) (c + r), (float) (c + r), new Color(0x8a9bb0)));
        g.fill(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
        // The label area: a grey "slice" (an ellipse of soft tissue with a bright bone rim).
        double lr = r * 0.62;
        g.setColor(new Color(0x101418));
        g.fill(new Ellipse2D.Double(c - lr, c - lr, 2 * lr, 2 * lr));
        g.setColor(new Color(0x6f767d));
        g.fill(new Ellipse2D.Double(c - lr * 0.78, c - lr * 0.62, lr * 1.56, lr * 1.24));
        g.setColor(new Color(0xf2f2f2));
        g.setStroke(new BasicStroke((float) (s * 0.02)));
        g.draw(new Ellipse2D.Double(c - lr * 0.78, c - lr * 0.62, lr * 1.56, lr * 1.24));
        // The hole in the middle.
        double h = r * 0.14;
        g.setColor(new Color(0x0b1726));
        g.fill(new Ellipse2D.Double(c - h, c - h, 2 * h, 2 * h));
        g.dispose();
        return img;
    }
}
