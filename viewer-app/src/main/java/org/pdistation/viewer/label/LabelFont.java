package org.pdistation.viewer.label;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The font family a label is drawn with: the first that can display every character of the label's texts, so that
 * a Japanese name never turns into boxes. Tried in order: the logical font "SansSerif", the Droid Sans Fallback
 * font of Debian's fonts-droid-fallback, then every font the platform has. When none can, the caller falls back to
 * the alphabetic name and says so.
 *
 * @param base     the font at size 1 (derive sizes from it)
 * @param complete whether {@code base} displays every text asked for
 */
record LabelFont(Font base, boolean complete) {
    static final Path DROID_FALLBACK = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    static LabelFont choose(List<String> texts) {
        String all = String.join("", texts);
        Font sans = new Font(Font.SANS_SERIF, Font.PLAIN, 1);
        if (sans.canDisplayUpTo(all) == -1) return new LabelFont(sans, true);
        if (Files.isRegularFile(DROID_FALLBACK)) {
            try (InputStream in = Files.newInputStream(DROID_FALLBACK)) {
                Font droid = Font.createFont(Font.TRUETYPE_FONT, in);
                if (droid.canDisplayUpTo(all) == -1) return new LabelFont(droid.deriveFont(1f), true);
            } catch (IOException | FontFormatException e) {
                // not usable; the platform's fonts are tried next
            }
        }
        for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (f.canDisplayUpTo(all) == -1) return new LabelFont(f.deriveFont(Font.PLAIN, 1f), true);
        }
        return new LabelFont(sans, false);
    }

    Font at(float sizePx, boolean bold) {
        return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, sizePx);
    }

    boolean canDisplay(String s) {
        return base.canDisplayUpTo(s) == -1;
    }
}
