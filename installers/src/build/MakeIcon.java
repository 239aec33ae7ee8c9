import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws the application icon at build time (so that no binary is committed): a dark rounded tile holding an
 * optical disc with a CT-like grey slice in its label area. Run as a single-file source program:
 * {@code java MakeIcon.java OUT.png|OUT.ico|OUT.icns ...} writes each file in the format its extension names (PNG
 * 256 px for the Linux desktop entry, ICO for Windows, ICNS for macOS), every size drawn from the same vector drawing
 * rather than scaled from one bitmap. Each file written is parsed back (the container, every entry's PNG signature,
 * pixels and size) and its images listed; {@code java MakeIcon.java --check FILE ...} does only that.
 */
public final class MakeIcon {
    private MakeIcon() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].equals("--check") && args.length < 2) {
            System.err.println("usage: java MakeIcon.java OUT.png|OUT.ico|OUT.icns ...\n"
                    + "       java MakeIcon.java --check FILE.ico|FILE.icns ...");
            System.exit(2);
        }
        if (args[0].equals("--check")) {
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                List<IconImage> images = IconContainer.of(file).read(Files.readAllBytes(file));
                System.out.println(file + ": " + images);
            }
            return;
        }
        for (String arg : args) {
            Path out = Path.of(arg);
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            IconContainer format = IconContainer.of(out);
            Files.write(out, format.write());
            // Read back at once: a container that does not parse never reaches jpackage.
            System.out.println(out + ": " + format.read(Files.readAllBytes(out)));
        }
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
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
        // At 16 px the rim would be a third of a pixel and vanish: never thinner than one pixel.
        g.setStroke(new BasicStroke((float) Math.max(1.0, s * 0.02)));
        g.draw(new Ellipse2D.Double(c - lr * 0.78, c - lr * 0.62, lr * 1.56, lr * 1.24));
        // The hole in the middle.
        double h = r * 0.14;
        g.setColor(new Color(0x0b1726));
        g.fill(new Ellipse2D.Double(c - h, c - h, 2 * h, 2 * h));
        g.dispose();
        return img;
    }

    static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The 8-byte PNG signature (PNG spec 5.2), which both containers use to tell a PNG entry from a bitmap. */
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A decoded entry of an icon file: its declared size, the PNG's own size, where it lies. */
    record IconImage(String type, int declared, int width, int height, int offset, int length) {
        @Override
        public String toString() {
            return type + " " + width + "x" + height + " (" + length + " bytes at " + offset + ")";
        }
    }

    /**
     * Decodes one PNG entry and checks that it is the square image of the size its directory entry declares.
     * The errors name the file's entry and offset.
     */
    static IconImage decodeEntry(String type, int declared, byte[] file, int offset, int length) throws IOException {
        if (offset < 0 || length < PNG_SIGNATURE.length || (long) offset + length > file.length) {
            throw new IOException(type + ": entry of " + length + " bytes at offset " + offset
                    + " lies outside the file (" + file.length + " bytes)");
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (file[offset + i] != PNG_SIGNATURE[i]) {
                throw new IOException(type + ": the entry at offset " + offset + " is not a PNG");
            }
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file, offset, length));
        if (img == null) throw new IOException(type + ": the PNG at offset " + offset + " does not decode");
        if (img.getWidth() != declared || img.getHeight() != declared) {
            throw new IOException(type + ": the PNG at offset " + offset + " is " + img.getWidth() + "x"
                    + img.getHeight() + ", the entry declares " + declared + "x" + declared);
        }
        return new IconImage(type, declared, img.getWidth(), img.getHeight(), offset, length);
    }
}

/** The icon file formats we write, chosen by the output's extension. */
enum IconContainer {
    PNG {
        @Override byte[] write() { return MakeIcon.png(256); }
        @Override List<MakeIcon.IconImage> read(byte[] file) throws IOException {
            return List.of(MakeIcon.decodeEntry("png", 256, file, 0, file.length));
        }
    },
    ICO {
        @Override byte[] write() { return IcoFile.write(); }
        @Override List<MakeIcon.IconImage> read(byte[] file) throws IOException { return IcoFile.read(file); }
    },
    ICNS {
        @Override byte[] write() { return IcnsFile.write(); }
        @Override List<MakeIcon.IconImage> read(byte[] file) throws IOException { return IcnsFile.read(file); }
    };

    abstract byte[] write();

    abstract List<MakeIcon.IconImage> read(byte[] file) throws IOException;

    static IconContainer of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        for (IconContainer c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(ext)) return c;
        }
        throw new IllegalArgumentException(file + ": the extension must be .png, .ico or .icns");
    }
}

/**
 * A Windows icon file: the ICONDIR header (reserved 0, type 1 = icon, image count), one 16-byte ICONDIRENTRY per
 * image (width and height in one byte each, 0 meaning 256; colour count 0 and reserved 0; planes 1; 32 bits per pixel;
 * the image's byte count and file offset), then the images. Every image is a PNG, which Windows accepts in icons
 * since Vista; all little-endian.
 */
final class IcoFile {
    /** The sizes Windows asks for: small and large icons at 100-200 % scaling, the Explorer's jumbo view. */
    static final int[] SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};
    private static final int HEADER = 6;
    private static final int ENTRY = 16;

    private IcoFile() {}

    static byte[] write() {
        List<byte[]> pngs = new ArrayList<>();
        int total = HEADER + ENTRY * SIZES.length;
        for (int size : SIZES) {
            byte[] p = MakeIcon.png(size);
            pngs.add(p);
            total += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) SIZES.length);
        int offset = HEADER + ENTRY * SIZES.length;
        for (int i = 0; i < SIZES.length; i++) {
            int dim = SIZES[i] == 256 ? 0 : SIZES[i];
            b.put((byte) dim).put((byte) dim).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32);
            b.putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        pngs.forEach(b::put);
        return b.array();
    }

    static List<MakeIcon.IconImage> read(byte[] file) throws IOException {
        if (file.length < HEADER) throw new IOException("ico: " + file.length + " bytes, shorter than ICONDIR");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int reserved = b.getShort() & 0xffff;
        int type = b.getShort() & 0xffff;
        int count = b.getShort() & 0xffff;
        if (reserved != 0 || type != 1) {
            throw new IOException("ico: ICONDIR reserved=" + reserved + " type=" + type + ", expected 0 and 1");
        }
        if (count == 0 || HEADER + (long) ENTRY * count > file.length) {
            throw new IOException("ico: " + count + " entries do not fit in " + file.length + " bytes");
        }
        List<MakeIcon.IconImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            b.position(HEADER + ENTRY * i);
            int w = b.get() & 0xff;
            int h = b.get() & 0xff;
            b.get(); // colour count: 0 for 32-bit images
            b.get(); // reserved
            int planes = b.getShort() & 0xffff;
            int bits = b.getShort() & 0xffff;
            int length = b.getInt();
            int offset = b.getInt();
            int size = w == 0 ? 256 : w;
            if (w != h || planes > 1 || bits != 32) {
                throw new IOException("ico: entry " + i + " is " + w + "x" + h + ", " + planes + " planes, " + bits
                        + " bits: expected a square 32-bit image");
            }
            images.add(MakeIcon.decodeEntry("ico#" + i, size, file, offset, length));
        }
        return images;
    }
}

/**
 * A macOS icon file: the 'icns' magic and the whole file's length, then elements of a 4-character type, their length
 * (including these 8 bytes) and their data; all big-endian. Only the PNG-holding types are written, one per size and
 * scale: 'ic11' 16@2x, 'ic12' 32@2x, 'ic07' 128, 'ic13' 128@2x, 'ic08' 256, 'ic14' 256@2x, 'ic09' 512, 'ic10' 512@2x
 * (the @2x types from OS X 10.8; the 16 and 32 point icons at 1x are scaled down from them).
 */
final class IcnsFile {
    record Type(String code, int pixels) {}

    static final List<Type> TYPES = List.of(new Type("ic11", 32), new Type("ic12", 64), new Type("ic07", 128),
            new Type("ic13", 256), new Type("ic08", 256), new Type("ic14", 512), new Type("ic09", 512),
            new Type("ic10", 1024));
    private static final int HEADER = 8;

    private IcnsFile() {}

    static byte[] write() {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        for (Type t : TYPES) {
            byte[] p = MakeIcon.png(t.pixels());
            elements.writeBytes(t.code().getBytes(StandardCharsets.US_ASCII));
            elements.writeBytes(ByteBuffer.allocate(4).putInt(HEADER + p.length).array());
            elements.writeBytes(p);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + elements.size());
        b.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(HEADER + elements.size()).put(elements.toByteArray());
        return b.array();
    }

    static List<MakeIcon.IconImage> read(byte[] file) throws IOException {
        if (file.length < HEADER || !new String(file, 0, 4, StandardCharsets.US_ASCII).equals("icns")) {
            throw new IOException("icns: no 'icns' magic at offset 0");
        }
        ByteBuffer b = ByteBuffer.wrap(file);
        int total = b.getInt(4);
        if (total != file.length) {
            throw new IOException("icns: the header says " + total + " bytes, the file has " + file.length);
        }
        List<MakeIcon.IconImage> images = new ArrayList<>();
        int at = HEADER;
        while (at < file.length) {
            if (file.length - at < HEADER) throw new IOException("icns: a truncated element header at offset " + at);
            final int start = at;
            String code = new String(file, start, 4, StandardCharsets.US_ASCII);
            int length = b.getInt(at + 4);
            if (length < HEADER || length > file.length - at) {
                throw new IOException("icns: element '" + code + "' at offset " + at + " has length " + length
                        + ", outside 8.." + (file.length - at));
            }
            Type type = TYPES.stream().filter(t -> t.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IOException("icns: element '" + code + "' at offset " + start
                            + " is not one of the PNG types we write"));
            images.add(MakeIcon.decodeEntry(code, type.pixels(), file, at + HEADER, length - HEADER));
            at += length;
        }
        if (images.isEmpty()) throw new IOException("icns: no icon elements");
        return images;
    }
}
