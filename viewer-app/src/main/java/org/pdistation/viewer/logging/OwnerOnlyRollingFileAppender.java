package org.pdistation.viewer.logging;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;

import org.pdistation.imaging.io.OwnerOnly;

/**
 * logback's rolling file appender, but the log file is created {@code rw-------} where POSIX permissions exist
 * (README "Privacy": logs are readable by the user only). logback opens the file with the process umask, which Java
 * cannot change; so the file is created owner-only before logback opens it, at start and after every rollover (the
 * rolled files are renames of it and keep its permissions). A file that exists is restricted first; when that fails
 * (someone else's file, e.g. in a shared temporary folder) opening fails and nothing is logged there.
 */
public final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        if (file.getParent() != null) {
            OwnerOnly.createDirectories(file.getParent());
        }
        try {
            OwnerOnly.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            OwnerOnly.restrict(file);
        }
        super.openFile(fileName);
    }
}
