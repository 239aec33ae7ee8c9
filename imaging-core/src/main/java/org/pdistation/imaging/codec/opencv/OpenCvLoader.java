package org.pdistation.imaging.codec.opencv;

import java.util.Locale;

import org.pdistation.imaging.codec.CodecException;

/**
 * Loads OpenCV's native library (bundled in the org.openpnp:opencv jar, extracted to a temporary folder) once per
 * JVM, on first use. The holder idiom makes the load lazy and thread-safe without locks; its one result — null
 * for success or the reason of the failure — is the only static state.
 */
public final class OpenCvLoader {
    private OpenCvLoader() {}

    private static final class Holder {
        static final String FAILURE = load();

        private static String load() {
            try {
                nu.pattern.OpenCV.loadLocally();
                return null;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // UnsatisfiedLinkError, or the loader's own exceptions on an unsupported platform
                String m = e.getMessage();
                return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
            }
        }
    }

    /** Whether the native library is loaded (loading it on the first call). */
    public static boolean isAvailable() {
        return Holder.FAILURE == null;
    }

    /** Loads the library on the first call; throws, every time, when it could not be loaded. */
    public static void require() throws CodecException {
        String failure = Holder.FAILURE;
        if (failure != null) {
            throw new CodecException("JPEG 2000 needs OpenCV's native library, which could not be loaded on "
                    + System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "/"
                    + System.getProperty("os.arch", "?") + ": " + failure);
        }
    }
}
