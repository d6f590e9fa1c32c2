package org.fvstudio.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule every fuzz target asserts of a loader: it returns a value, or throws one of the project's own checked
 * errors with a message in FV Studio's words; nothing else is thrown (no runtime exception, no Error, so no
 * OutOfMemoryError), and nothing is written beside the input. Hangs are the fuzz test's {@code @Timeout}.
 */
public final class LoaderContract {

    /** Words that only a library's authors read: Jackson's source and feature names, JavaCV's calls, class names. */
    public static final List<String> LIBRARY_INTERNALS = List.of("\tat ", "Exception", "Error:", "com.fasterxml",
            "Source:", "REDACTED", "StreamReadFeature", "StreamReadConstraints", "JsonReadFeature", "`", "javax.",
            "java.", "org.bytedeco", "avformat", "avcodec", "(code ");

    @FunctionalInterface
    public interface Load {
        void run() throws Exception;
    }

    private LoaderContract() {
    }

    /**
     * Runs {@code load}; a refusal through one of {@code ownErrors} passes when its message holds; any other
     * throwable propagates (the fuzzer's finding). Fails when a file under {@code watched} was created, changed or
     * removed.
     */
    @SafeVarargs
    public static void holds(Path watched, Load load, Class<? extends Exception>... ownErrors) throws Exception {
        holds(watched, new byte[0], load, ownErrors);
    }

    /** {@link #holds(Path, Load, Class[])} for a loader of {@code input}, whose own words a message may repeat. */
    @SafeVarargs
    public static void holds(Path watched, byte[] input, Load load, Class<? extends Exception>... ownErrors)
            throws Exception {
        Map<String, String> before = snapshot(watched);
        try {
            load.run();
        } catch (Exception e) {
            if (!isOneOf(e, ownErrors)) {
                throw e;
            }
            requireOwnWords(e, new String(input, StandardCharsets.UTF_8));
        }
        Map<String, String> after = snapshot(watched);
        if (!before.equals(after)) {
            throw new AssertionError("the loader wrote into " + watched + ": before " + before + ", after " + after);
        }
    }

    /** A refusal's message: present, in FV Studio's words, with no stack trace and none of a library's internals. */
    public static void requireOwnWords(Exception refusal, String input) {
        String message = refusal.getMessage();
        if (message == null || message.isBlank()) {
            throw new AssertionError(refusal.getClass().getSimpleName() + " without a message", refusal);
        }
        // what the message quotes or names of the input ('`' found where a value should be, a field `name) is the
        // file's, not a library's
        String ownWords = message.replaceAll("'[^'\\n]*'|\"[^\"\\n]*\"", "''");
        for (String word : LIBRARY_INTERNALS) {
            if (ownWords.contains(word) && !input.contains(word)) {
                throw new AssertionError("message carries a library's internals ('" + word + "'): " + message, refusal);
            }
        }
    }

    private static boolean isOneOf(Exception e, Class<? extends Exception>[] ownErrors) {
        for (Class<? extends Exception> own : ownErrors) {
            if (own.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(p).toString(), a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime().toMillis());
            }
        }
        return files;
    }
}
