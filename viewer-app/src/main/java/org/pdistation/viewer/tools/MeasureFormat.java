package org.pdistation.viewer.tools;

import java.text.NumberFormat;

import javafx.geometry.Point2D;

import org.pdistation.imaging.render.series.Measurement;
import org.pdistation.viewer.i18n.Messages;

/** The texts shown next to measurements, in the user's language and number format. */
public final class MeasureFormat {
    private final Messages messages;

    public MeasureFormat(Messages messages) {
        this.messages = messages;
    }

    /** Length of a→b in mm (from the spacing, PS3.3 10.7.1) or pixels. */
    public static double length(Point2D a, Point2D b, Measurement m) {
        return m.distance(a.getY(), a.getX(), b.getY(), b.getX());
    }

    /** The angle at {@code vertex} in degrees, in physical space (non-square pixels scaled first). */
    public static double angle(Point2D a, Point2D vertex, Point2D b, Measurement m) {
        double ax = (a.getX() - vertex.getX()) * m.columnSpacing(), ay = (a.getY() - vertex.getY()) * m.rowSpacing();
        double bx = (b.getX() - vertex.getX()) * m.columnSpacing(), by = (b.getY() - vertex.getY()) * m.rowSpacing();
        double dot = ax * bx + ay * by;
        double cross = ax * by - ay * bx;
        return Math.toDegrees(Math.abs(Math.atan2(cross, dot)));
    }

    public String distance(double value, Measurement m) {
        String v = number(value, m.isMillimetres() ? 1 : 0);
        return switch (m.basis()) {
            case PIXELS -> messages.format("measure.px", v);
            case DETECTOR -> messages.format("measure.mmDetector", v);
            default -> messages.format("measure.mm", v);
        };
    }

    public String angle(double degrees) {
        return messages.format("measure.angle", number(degrees, 1));
    }

    public String roi(RoiStatistics s) {
        if (s == null) return messages.get("measure.computing");
        String area = messages.format(s.millimetres() ? "measure.areaMm" : "measure.areaPx", number(s.area(), 1));
        if (s.pixels() == 0) return area;
        if (s.channels() != null) {
            return messages.format("measure.roi.colour", number(s.mean(), 1), number(s.sd(), 1), number(s.min(), 1),
                    number(s.max(), 1), area, s.pixels(), number(s.channels().red(), 1),
                    number(s.channels().green(), 1), number(s.channels().blue(), 1));
        }
        return messages.format("measure.roi", number(s.mean(), 1), number(s.sd(), 1), number(s.min(), 1),
                number(s.max(), 1), area, s.pixels());
    }

    private String number(double v, int decimals) {
        NumberFormat nf = NumberFormat.getNumberInstance(messages.locale());
        nf.setMinimumFractionDigits(decimals);
        nf.setMaximumFractionDigits(decimals);
        return nf.format(v);
    }
}
