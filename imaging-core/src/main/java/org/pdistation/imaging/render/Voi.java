package org.pdistation.imaging.render;

import java.util.Locale;

/**
 * A VOI transformation (PS3.3 C.11.2): modality values to a display fraction 0…1 (before the presentation LUT).
 * Either a window (center/width with a VOI LUT Function) or a VOI LUT Sequence table. Equality is by value
 * (windows) or table identity, so it can key the {@link LutCache}.
 */
public sealed interface Voi {
    /** The fraction of the output range, 0 (darkest before presentation) to 1. */
    double apply(double x);

    /** Name shown in a preset list: the explanation, or a description of the values. */
    String label();

    /** VOI LUT Function (0028,1056), C.11.2.1.3. */
    enum Function {
        LINEAR, LINEAR_EXACT, SIGMOID;

        /** Unknown or missing terms are LINEAR, the default the standard gives. */
        public static Function of(String term) {
            if (term == null) return LINEAR;
            return switch (term.strip().toUpperCase(Locale.ROOT)) {
                case "LINEAR_EXACT" -> LINEAR_EXACT;
                case "SIGMOID" -> SIGMOID;
                default -> LINEAR;
            };
        }
    }

    record Window(double center, double width, Function function, String explanation) implements Voi {
        public Window(double center, double width) {
            this(center, width, Function.LINEAR, null);
        }

        @Override
        public double apply(double x) {
            return switch (function) {
                case LINEAR -> {
                    // C.11.2.1.2.1: width >= 1; x <= c − 0.5 − (w−1)/2 → ymin, x > c − 0.5 + (w−1)/2 → ymax,
                    // else ((x − (c − 0.5)) / (w−1) + 0.5)
                    double w = Math.max(width, 1);
                    double c = center - 0.5;
                    if (x <= c - (w - 1) / 2) yield 0;
                    if (x > c + (w - 1) / 2) yield 1;
                    yield w == 1 ? 1 : (x - c) / (w - 1) + 0.5;
                }
                case LINEAR_EXACT -> {
                    // C.11.2.1.3.2: width > 0; x <= c − w/2 → ymin, x > c + w/2 → ymax, else (x − c)/w + 0.5
                    double w = width > 0 ? width : Double.MIN_VALUE;
                    if (x <= center - w / 2) yield 0;
                    if (x > center + w / 2) yield 1;
                    yield (x - center) / w + 0.5;
                }
                // C.11.2.1.3.1: y = (ymax − ymin) / (1 + exp(−4 (x − c) / w)) + ymin
                case SIGMOID -> 1 / (1 + Math.exp(-4 * (x - center) / (width > 0 ? width : Double.MIN_VALUE)));
            };
        }

        @Override
        public String label() {
            String values = "C " + fmt(center) + " W " + fmt(width)
                    + (function == Function.LINEAR ? "" : " " + function.name());
            return explanation != null && !explanation.isBlank() ? explanation.strip() + " (" + values + ")" : values;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /**
     * VOI LUT Sequence (0028,3010) item: the table output divided by 2^bits − 1 (C.11.2.1.1: the output range is
     * 0 to 2^n − 1 for n bits in the descriptor).
     */
    record Table(LutTable lut) implements Voi {
        @Override
        public double apply(double x) {
            return lut.lookup(x) / (double) lut.maxOutput();
        }

        @Override
        public String label() {
            return lut.explanation() != null && !lut.explanation().isBlank() ? lut.explanation().strip()
                    : "VOI LUT " + lut.size() + " entries";
        }
    }
}
