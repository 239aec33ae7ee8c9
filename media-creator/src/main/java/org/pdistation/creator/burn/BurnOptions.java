package org.pdistation.creator.burn;

import java.time.Duration;
import java.util.Objects;

/**
 * How to burn.
 *
 * @param speed    the write speed as an x-factor of the medium (1x CD = 150 KiB/s, 1x DVD = 1385 kB/s); 0 = the
 *                 drive's maximum
 * @param eject    eject the medium when done
 * @param verify   read the medium back and compare it with the image before reporting done
 * @param simulate a dummy burn (laser off) where the drive and tool support it; nothing is written
 * @param timeout  the most the whole burn may take before the tool is killed
 */
public record BurnOptions(int speed, boolean eject, boolean verify, boolean simulate, Duration timeout) {
    public static final BurnOptions DEFAULT = new BurnOptions(0, false, true, false, Duration.ofHours(2));

    public BurnOptions {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be 0 (maximum) or positive, not " + speed);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public BurnOptions withSpeed(int s) {
        return new BurnOptions(s, eject, verify, simulate, timeout);
    }

    public BurnOptions withEject(boolean e) {
        return new BurnOptions(speed, e, verify, simulate, timeout);
    }

    public BurnOptions withVerify(boolean v) {
        return new BurnOptions(speed, eject, v, simulate, timeout);
    }

    public BurnOptions withSimulate(boolean s) {
        return new BurnOptions(speed, eject, verify, s, timeout);
    }

    public BurnOptions withTimeout(Duration t) {
        return new BurnOptions(speed, eject, verify, simulate, t);
    }
}
