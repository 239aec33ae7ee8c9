package org.pdistation.viewer.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;

/**
 * The shipped {@code logback.xml} (tests run with {@code logback-test.xml}, so nothing else would notice a broken
 * one until a user starts the jar): it is well-formed XML, logback configures from it without an error, and the log
 * file it names is created owner-only.
 */
class LogbackConfigurationTest {

    private static URL shipped() {
        // The main resources' logback.xml, not the test one (which has another name).
        URL url = LogbackConfigurationTest.class.getClassLoader().getResource("logback.xml");
        assertNotNull(url, "logback.xml on the class path");
        return url;
    }

    @Test
    void isWellFormedXml() throws Exception {
        try (InputStream in = shipped().openStream()) {
            assertEquals("configuration",
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement()
                            .getTagName());
        }
    }

    @Test
    void configuresWithoutErrorsAndWritesAnOwnerOnlyLog(@TempDir Path dir) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("pdistation.log.dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(shipped());
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            assertFalse(s.getLevel() >= Status.WARN, () -> "logback: " + s);
        }
        context.getLogger("test").info("a line");
        context.stop();
        Path log = dir.resolve("pdistation.log");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }
}
