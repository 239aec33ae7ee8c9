package org.pdistation.viewer.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.i18n.Messages;

@ExtendWith(ApplicationExtension.class)
class TagBrowserTest {
    private final Messages en = new Messages(Locale.ENGLISH);
    private TagBrowser browser;

    @Start
    void start(Stage stage) {
        browser = new TagBrowser(en);
        stage.setScene(new Scene(browser, 900, 600));
        stage.show();
    }

    private static TagRow find(List<TagRow> rows, String tag) {
        for (TagRow r : rows) {
            if (r.tag().equals(tag)) return r;
            TagRow inner = find(r.children(), tag);
            if (inner != null) return inner;
        }
        return null;
    }

    @Test
    void japanesePersonNameIsDecodedThroughIso2022() throws Exception {
        // PS3.5 H.3.2: ISO 2022 IR 13 \ ISO 2022 IR 87 — half-width katakana, kanji and hiragana groups.
        List<TagRow> rows = TagBrowser.read(SharedData.requireDicomFile("charset/pydicom/chrH32.dcm"), en);
        TagRow name = find(rows, "(0010,0010)");
        assertNotNull(name);
        assertEquals("Patient's Name", name.name());
        assertEquals("PN", name.vr());
        assertTrue(name.value().contains("山田^太郎"), name.value());
        assertTrue(name.value().contains("やまだ^たろう"), name.value());
        assertTrue(name.value().startsWith("ﾔﾏﾀﾞ^ﾀﾛｳ"), name.value());
    }

    @Test
    void privateElementsAreNamedByTheirCreatorAndMetaComesFirst() throws Exception {
        List<TagRow> rows = TagBrowser.read(SharedData.requireDicomFile("single/pydicom/CT_small.dcm"), en);
        assertEquals("File Meta Information", rows.get(0).name());
        assertEquals("Private Creator", find(rows, "(0009,0010)").name());
        TagRow p = find(rows, "(0009,1001)");
        assertEquals("Private (GEMS_IDEN_01)", p.name());
        assertEquals("GE_GENESIS_FF", p.value());
    }

    @Test
    void nestedSequencesAreChildrenAndSearchKeepsTheirParents() throws Exception {
        Path file = SharedData.requireDicomFile("charset/pydicom/chrSQEncoding1.dcm");
        List<TagRow> rows = TagBrowser.read(file, en);
        TagRow sq = rows.stream().filter(r -> r.vr().equals("SQ")).findFirst().orElseThrow();
        assertTrue(!sq.children().isEmpty() && sq.children().get(0).tag().startsWith("Item"), sq.toString());
        TagRow inner = sq.children().get(0).children().get(0);
        WaitForAsyncUtils.asyncFx(() -> browser.show(rows, file)).get();
        WaitForAsyncUtils.asyncFx(() -> browser.searchField().setText(inner.tag().replaceAll("[(),]", ""))).get();
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<TagRow> root = browser.table().getRoot();
        TreeItem<TagRow> kept = root.getChildren().stream().filter(i -> i.getValue().vr().equals("SQ")).findFirst().orElseThrow();
        assertEquals(sq.tag(), kept.getValue().tag());
        assertTrue(kept.isExpanded());
        assertEquals(inner.tag(), kept.getChildren().get(0).getChildren().get(0).getValue().tag());
    }

    @Test
    void searchByValueFindsJapaneseText() throws Exception {
        Path file = SharedData.requireDicomFile("charset/pydicom/chrH32.dcm");
        List<TagRow> rows = TagBrowser.read(file, new Messages(Locale.JAPANESE));
        WaitForAsyncUtils.asyncFx(() -> {
            browser.show(rows, file);
            browser.searchField().setText("太郎");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<TreeItem<TagRow>> shown = browser.table().getRoot().getChildren();
        assertTrue(shown.stream().anyMatch(i -> i.getValue().tag().equals("(0010,0010)")));
        assertTrue(shown.stream().allMatch(i -> i.getValue().value().contains("太郎") || !i.getChildren().isEmpty()));
    }
}
