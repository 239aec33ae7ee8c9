package org.pdistation.creator.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.pdistation.creator.content.PatientInfo;
import org.pdistation.creator.content.SeriesInfo;
import org.pdistation.creator.content.StudyInfo;

/**
 * The XHTML of each page kind. All links are relative, so the pages work from a disc, a USB stick or a web server;
 * every value from the data goes through {@link Xhtml#escape}.
 */
final class Pages {
    /** One rendering on a page: {@code full}/{@code thumb} are file names in the series folder, null when missing. */
    record Tile(String label, String full, String thumb) {
        boolean rendered() {
            return full != null;
        }
    }

    /** A series of a study page, with its folder name and renderings. */
    record SeriesTiles(SeriesInfo series, String folder, List<Tile> tiles) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String PLACEHOLDER = "Image not available on this page. Open the DICOM files in a viewer.";

    private Pages() {}

    static String index(WebContentOptions o, List<PatientInfo> patients, String readme, String viewer) {
        Xhtml x = Xhtml.page("Medical images" + (o.institution().isEmpty() ? "" : " - " + o.institution()),
                o.language(), "IHE_PDI/" + WebStyle.FILE);
        header(x, "Medical images", created(o));
        x.raw("<div class=\"main\">\n");
        x.raw("<p class=\"notice\">This medium holds medical images in the DICOM format (IHE Portable Data for "
                + "Imaging). These pages show previews of the images; they are not meant for diagnosis. "
                + "To view or import the images, use a DICOM viewer");
        if (viewer != null) {
            x.raw(" such as the ");
            x.link(viewer, "viewer on this medium");
        }
        x.raw(".</p>\n");
        x.element("h2", null, "Studies on this medium");
        x.raw("<table>\n<tr><th>Patient</th><th>Patient ID</th><th>Birth date</th><th>Study date</th>"
                + "<th>Study</th><th>Modality</th><th>Images</th></tr>\n");
        for (int p = 0; p < patients.size(); p++) {
            PatientInfo pt = patients.get(p);
            String pName = WebContentWriter.name('P', p);
            for (int s = 0; s < pt.studies().size(); s++) {
                StudyInfo st = pt.studies().get(s);
                x.raw("<tr><td>");
                x.link("IHE_PDI/" + pName + ".HTM", pt.displayName());
                x.raw("</td><td>").text(pt.id()).raw("</td><td>").text(date(pt.birthDate()))
                        .raw("</td><td>").text(date(st.date())).raw("</td><td>");
                x.link("IHE_PDI/" + pName + "/" + WebContentWriter.name('S', s) + ".HTM", studyTitle(st));
                x.raw("</td><td>").text(String.join(", ", st.modalities())).raw("</td><td>")
                        .text(Integer.toString(st.instanceCount())).raw("</td></tr>\n");
            }
        }
        x.raw("</table>\n");
        x.element("h2", null, "About this medium");
        x.raw("<ul>\n");
        if (readme != null) {
            x.raw("<li>");
            x.link(readme, "README.TXT");
            x.raw(": who made this medium, what it holds and how to view it</li>\n");
        }
        for (int p = 0; p < patients.size(); p++) {
            x.raw("<li>Patient page: ");
            x.link("IHE_PDI/" + WebContentWriter.name('P', p) + ".HTM", patients.get(p).displayName());
            x.raw("</li>\n");
        }
        if (viewer != null) {
            x.raw("<li>");
            x.link(viewer, "DICOM viewer on this medium");
            x.raw(" (nothing on this medium starts by itself)</li>\n");
        }
        x.raw("</ul>\n</div>\n");
        footer(x, o);
        return x.finish();
    }

    static String patient(WebContentOptions o, PatientInfo pt, String pName) {
        Xhtml x = Xhtml.page("Patient " + pt.displayName(), o.language(), WebStyle.FILE);
        header(x, pt.displayName(), "Patient");
        nav(x, "../INDEX.HTM", null, null);
        x.raw("<div class=\"main\">\n");
        patientFacts(x, pt);
        x.element("h2", null, "Studies");
        x.raw("<table>\n<tr><th>Date</th><th>Study</th><th>Accession number</th><th>Modality</th>"
                + "<th>Series</th><th>Images</th></tr>\n");
        for (int s = 0; s < pt.studies().size(); s++) {
            StudyInfo st = pt.studies().get(s);
            x.raw("<tr><td>").text(date(st.date())).raw("</td><td>");
            x.link(pName + "/" + WebContentWriter.name('S', s) + ".HTM", studyTitle(st));
            x.raw("</td><td>").text(st.accession()).raw("</td><td>").text(String.join(", ", st.modalities()))
                    .raw("</td><td>").text(Integer.toString(st.series().size())).raw("</td><td>")
                    .text(Integer.toString(st.instanceCount())).raw("</td></tr>\n");
        }
        x.raw("</table>\n</div>\n");
        footer(x, o);
        return x.finish();
    }

    static String study(WebContentOptions o, PatientInfo pt, StudyInfo st, String pName, String sName,
                        List<SeriesTiles> series) {
        Xhtml x = Xhtml.page(studyTitle(st) + " - " + pt.displayName(), o.language(), "../" + WebStyle.FILE);
        header(x, studyTitle(st), dotted(date(st.date()), pt.displayName()));
        nav(x, "../../INDEX.HTM", "../" + pName + ".HTM", null);
        x.raw("<div class=\"main\">\n");
        x.raw("<dl class=\"facts\">\n");
        fact(x, "Patient", pt.displayName());
        fact(x, "Patient ID", pt.id());
        fact(x, "Study date", date(st.date()));
        fact(x, "Study ID", st.studyId());
        fact(x, "Accession number", st.accession());
        x.raw("</dl>\n");
        x.element("h2", null, "Series");
        x.raw("<div class=\"grid\">\n");
        for (SeriesTiles s : series) {
            String page = sName + "/" + s.folder() + ".HTM";
            Tile first = s.tiles().stream().filter(Tile::rendered).findFirst().orElse(null);
            String thumb = first == null ? null : sName + "/" + s.folder() + "/" + first.thumb();
            tile(x, page, thumb, seriesTitle(s.series()), s.series().instances().size() + " images");
        }
        x.raw("</div>\n</div>\n");
        footer(x, o);
        return x.finish();
    }

    static String series(WebContentOptions o, PatientInfo pt, StudyInfo st, SeriesInfo se, String pName,
                         String sName, String rName, List<Tile> tiles) {
        Xhtml x = Xhtml.page(seriesTitle(se) + " - " + pt.displayName(), o.language(), "../../" + WebStyle.FILE);
        header(x, seriesTitle(se), dotted(studyTitle(st), date(st.date()), pt.displayName()));
        nav(x, "../../../INDEX.HTM", "../../" + pName + ".HTM", "../" + sName + ".HTM");
        x.raw("<div class=\"main\">\n");
        x.element("h2", null, "Images");
        if (tiles.isEmpty()) x.element("p", null, "This series holds no images that can be shown here.");
        x.raw("<div class=\"grid\">\n");
        String folder = rName + "/"; // the page lies next to the folder of the same name
        for (Tile t : tiles) {
            tile(x, t.rendered() ? folder + t.full() : null, t.rendered() ? folder + t.thumb() : null, t.label(), null);
        }
        x.raw("</div>\n");
        if (se.instances().size() > WebContentWriter.MAX_INSTANCES_PER_SERIES) {
            x.element("p", null, "Only the first " + WebContentWriter.MAX_INSTANCES_PER_SERIES
                    + " images are shown; the DICOM files hold all " + se.instances().size() + ".");
        }
        x.raw("</div>\n");
        footer(x, o);
        return x.finish();
    }

    private static void tile(Xhtml x, String href, String thumb, String title, String sub) {
        x.raw("<div class=\"tile\">");
        if (thumb != null) {
            String img = "<img src=\"" + Xhtml.escape(thumb) + "\" alt=\"" + Xhtml.escape(title) + "\" />";
            x.raw(href != null ? "<a href=\"" + Xhtml.escape(href) + "\">" + img + "</a>" : img);
        } else {
            x.raw("<div class=\"missing\">").text(PLACEHOLDER).raw("</div>");
        }
        if (href != null && thumb == null) {
            x.raw("<span>");
            x.link(href, title);
            x.raw("</span>");
        } else if (href != null && !href.endsWith(".PNG")) {
            x.raw("<span>");
            x.link(href, title);
            x.raw("</span>");
        } else {
            x.raw("<span>").text(title).raw("</span>");
        }
        if (sub != null) x.raw("<span>").text(sub).raw("</span>");
        x.raw("</div>\n");
    }

    private static void header(Xhtml x, String title, String subtitle) {
        x.raw("<div class=\"top\">\n");
        x.element("h1", null, title);
        if (subtitle != null && !subtitle.isBlank()) x.element("p", null, subtitle);
        x.raw("</div>\n");
    }

    private static void nav(Xhtml x, String home, String patient, String study) {
        x.raw("<div class=\"nav\">");
        x.link(home, "All studies");
        if (patient != null) {
            x.text(" \u203a ");
            x.link(patient, "Patient");
        }
        if (study != null) {
            x.text(" \u203a ");
            x.link(study, "Study");
        }
        x.raw("</div>\n");
    }

    private static void patientFacts(Xhtml x, PatientInfo pt) {
        x.raw("<dl class=\"facts\">\n");
        fact(x, "Patient name", pt.displayName());
        fact(x, "Patient ID", pt.id());
        fact(x, "Birth date", date(pt.birthDate()));
        fact(x, "Sex", pt.sex());
        x.raw("</dl>\n");
    }

    private static void fact(Xhtml x, String term, String value) {
        if (value == null || value.isBlank()) return;
        x.raw("<div><dt>").text(term).raw("</dt><dd>").text(value).raw("</dd></div>\n");
    }

    private static void footer(Xhtml x, WebContentOptions o) {
        x.element("p", "foot", created(o) + ". Made with PDI Station.");
    }

    private static String created(WebContentOptions o) {
        return "Created " + (o.institution().isEmpty() ? "" : "by " + o.institution() + " ") + "on "
                + DATE.format(o.creationDate());
    }

    static String studyTitle(StudyInfo st) {
        if (!st.description().isEmpty()) return st.description();
        String mods = String.join("/", st.modalities());
        return mods.isEmpty() ? "Study" : mods + " study";
    }

    static String seriesTitle(SeriesInfo se) {
        String num = se.number().isEmpty() ? "" : "Series " + se.number();
        String desc = se.description().isEmpty() ? se.modality() : se.modality().isEmpty() ? se.description()
                : se.modality() + " \u00b7 " + se.description();
        if (num.isEmpty()) return desc.isEmpty() ? "Series" : desc;
        return desc.isEmpty() ? num : num + ": " + desc;
    }

    /** The non-empty parts joined by middle dots. */
    private static String dotted(String... parts) {
        return String.join(" \u00b7 ", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }
}
