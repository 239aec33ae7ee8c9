package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every native-syntax image in the shared data (explicit, implicit, big endian, deflated; 1/8/16/32 bits; signed;
 * planar configuration 1; odd high-bit layouts) gives, frame by frame, the same stored values as pydicom's
 * {@code pixel_array} after the PS3.5 8.1.1 normalisation done in {@code native_frame_hashes.py}.
 */
class NativeFramesPydicomTest {

    @Test
    void nativeFramesMatchPydicom(@TempDir Path tmp) throws IOException {
        Path data = SharedData.require().resolve("dicomdata");
        Path python = Peers.requirePydicom();
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("single", "multiframe", "charset")) {
            try (Stream<Path> s = Files.walk(data.resolve(sub))) {
                s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        }
        Path script = tmp.resolve("native_frame_hashes.py");
        try (InputStream in = getClass().getResourceAsStream("native_frame_hashes.py")) {
            Files.copy(in, script);
        }
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Peers.Result r = Peers.run(Duration.ofSeconds(300), cmd);
        assertEquals(0, r.exitCode(), r.stderr());

        List<String> differences = new ArrayList<>();
        int compared = 0;
        FrameBuffer buffer = new FrameBuffer();
        String openPath = null;
        ImageFrames frames = null;
        try {
            for (String line : r.stdout().split("\n")) {
                String[] f = line.split("\t", 3);
                if (f.length < 3 || f[1].equals("SKIP")) continue;
                if (!f[0].equals(openPath)) {
                    if (frames != null) frames.close();
                    frames = ImageFrames.open(Path.of(f[0]));
                    openPath = f[0];
                }
                int frame = Integer.parseInt(f[1]);
                try {
                    frames.readFrame(frame, buffer);
                    String ours = md5(buffer);
                    if (!ours.equals(f[2])) differences.add(data.relativize(Path.of(f[0])) + " frame " + frame);
                    compared++;
                } catch (FrameException e) {
                    differences.add(e.getMessage());
                }
            }
        } finally {
            if (frames != null) frames.close();
        }
        assertTrue(compared > 100, "expected many native frames, compared " + compared);
        if (!differences.isEmpty()) fail(differences.size() + " frames differ from pydicom:\n" + String.join("\n", differences));
    }

    static String md5(FrameBuffer b) {
        int n = b.sampleCount();
        ByteBuffer bb = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) bb.putInt(b.sample(i));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bb.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
