package org.pdistation.viewer.task;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.viewer.i18n.Messages;

/**
 * An error as a clerk reads it: one sentence saying what went wrong and what to try, and the technical details
 * (exception types and messages of the cause chain, never a stack trace) for whoever is asked to help.
 *
 * @param sentence what the clerk sees
 * @param details  the technical message, shown on request
 */
public record ClerkError(String sentence, String details) {
    /** The sentence for {@code error}, chosen by the kind of its root cause, with {@code doing} naming the task. */
    public static ClerkError of(Messages messages, String doing, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String key = keyFor(root);
        if (key == null) key = keyFor(error);
        if (key == null) key = "error.generic";
        return new ClerkError(messages.format(key, doing), details(error));
    }

    /** A problem that is not an exception (a failed medium, a refused import), with its reason as the details. */
    public static ClerkError of(Messages messages, String key, String doing, String reason) {
        return new ClerkError(messages.format(key, doing), reason == null ? "" : reason);
    }

    private static String keyFor(Throwable t) {
        if (t instanceof ConnectException) return "error.connect";
        if (t instanceof UnknownHostException) return "error.unknownHost";
        if (t instanceof SocketTimeoutException) return "error.timeout";
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) return "error.notFound";
        if (t instanceof AccessDeniedException) return "error.accessDenied";
        if (t instanceof FileAlreadyExistsException) return "error.exists";
        if (t instanceof SQLException) return "error.database";
        if (t instanceof OutOfMemoryError) return "error.memory";
        String name = t.getClass().getSimpleName();
        if (name.equals("BurnException")) return "error.burn";
        if (t instanceof java.io.IOException m && m.getMessage() != null
                && m.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no space")) return "error.diskFull";
        return null;
    }

    /** Type and message of each exception in the cause chain, one per line. */
    static String details(Throwable error) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = error; t != null && lines.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            lines.add(t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m));
        }
        return String.join("\n", lines);
    }
}
