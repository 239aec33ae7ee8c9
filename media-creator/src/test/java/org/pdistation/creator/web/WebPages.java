package org.pdistation.creator.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Test helper: parses written pages as XML (no network, no DTD) and lists their links. */
final class WebPages {
    private WebPages() {}

    static Document parse(Path page) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((pub, sys) -> new InputSource(new StringReader("")));
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            try (InputStream in = Files.newInputStream(page)) {
                return b.parse(in, page.toUri().toString());
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError(page + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Every {@code img/@src} and {@code a/@href} of the page. */
    static List<String> links(Document doc) {
        List<String> out = new ArrayList<>();
        collect(doc.getElementsByTagNameNS("*", "img"), "src", out);
        collect(doc.getElementsByTagNameNS("*", "a"), "href", out);
        collect(doc.getElementsByTagNameNS("*", "link"), "href", out);
        return out;
    }

    private static void collect(NodeList nodes, String attr, List<String> out) {
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attr));
        }
    }

    /** The XHTML pages reachable from INDEX.HTM, INDEX.HTM first (breadth first). */
    static List<Path> reachable(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("INDEX.HTM"));
        for (int i = 0; i < pages.size(); i++) {
            Path page = pages.get(i);
            for (String href : links(parse(page))) {
                Path target = page.getParent().resolve(href).normalize();
                if (href.endsWith(".HTM") && !pages.contains(target) && Files.isRegularFile(target)) {
                    pages.add(target);
                }
            }
        }
        return pages;
    }
}
