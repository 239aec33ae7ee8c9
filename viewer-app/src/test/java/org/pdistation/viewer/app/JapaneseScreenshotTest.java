package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.browser.BrowserRow;

/**
 * The browser in Japanese on a disc of Japanese files (ISO 2022 IR 87 names): names show every component group as
 * NameFormat writes them, and no English word is left in the tree's own words. Saves {@code browser-ja.png}.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseScreenshotTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home, Locale.JAPANESE);
    }

    @Test
    void showsJapaneseNamesAndJapaneseWordsInTheBrowser(@TempDir Path tmp) throws Exception {
        Path charset = SharedData.require().resolve("dicomdata/charset/pydicom");
        List<Path> inputs = List.of(charset.resolve("chrH31.dcm"), charset.resolve("chrH32.dcm"),
                charset.resolve("chrJapMulti.dcm"));
        Plan plan = new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                .plan(SelectionReader.read(inputs));
        Path disc = tmp.resolve("disc");
        CreateReport r = new MediaCreator(CreateOptions.defaults(), List.of(), List.of(), CodecRegistry.standard(),
                null).create(plan, n -> new FolderTarget(disc, false), Progress.NONE);
        assertEquals(CreateReport.Outcome.DONE, r.media().get(0).outcome(), r.media().get(0).reason());

        StationFixture.openAndWait(window, disc);
        List<String> lines = new ArrayList<>();
        collect(window.browser().tree().getRoot(), lines);
        String all = String.join("\n", lines);
        // chrH31: Yamada^Tarou=山田^太郎=やまだ^たろう — every group shown (NameFormat).
        assertTrue(all.contains("Yamada Tarou (山田 太郎, やまだ たろう)"), all);
        // chrJapMulti: only an ideographic group — やまだ たろう, male, study "Chest", series "Chest PA PA".
        assertTrue(all.contains("やまだ たろう"), all);
        assertTrue(all.contains("男性"), all);
        assertTrue(all.contains("シリーズ 1 · Chest PA PA") || all.contains("· Chest PA PA"), all);
        // The station's own words are Japanese: no English word of the browser is left.
        for (String english : List.of("Series", "born", "male", "Accession", "no study description", "patients")) {
            assertFalse(all.contains(english), () -> english + " in:\n" + all);
        }
        assertFalse(Pattern.compile("![a-z.]+!").matcher(all).find(), all);
        ScreenshotTest.save(window.getScene(), "browser-ja.png");
    }

    private static void collect(TreeItem<BrowserRow> item, List<String> out) {
        BrowserRow r = item.getValue();
        if (r != null) out.add(r.name() + " | " + r.detail() + " | " + r.date() + " | " + r.modality());
        for (TreeItem<BrowserRow> c : item.getChildren()) collect(c, out);
    }
}
