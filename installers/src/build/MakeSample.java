import java.nio.file.Path;

import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * Writes a few small synthetic CT slices for the class-data-sharing training run of build-packages.sh (the build
 * must not depend on ../shared). Run with the application jar on the class path:
 * {@code java -cp pdistation.jar MakeSample.java OUT_DIR}.
 */
public final class MakeSample {
    private MakeSample() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp pdistation.jar MakeSample.java OUT_DIR");
            System.exit(2);
        }
        // 128 x 128, 8 slices in one series: enough to load every class the browser and the image view use.
        new SyntheticCtStudy(128, 8, 7).write(Path.of(args[0]), 8);
    }
}
