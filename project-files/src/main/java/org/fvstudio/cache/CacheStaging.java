package org.fvstudio.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fvstudio.project.io.TemporaryFiles;

/**
 * One open cache's own folder under {@code cache/tmp}, named after its process ({@code p<pid>-<random>}), where
 * entries and the index are written before they are renamed into place. Opening sweeps only what processes that
 * have ended left there, so a cache opened by a second FV Studio never empties the folder under the first.
 */
final class CacheStaging {

    private static final Pattern OURS = Pattern.compile("p(\\d+)-[0-9a-z]+");
    private static final long PID = ProcessHandle.current().pid();

    private final Path folder;

    private CacheStaging(Path folder) {
        this.folder = folder;
    }

    static CacheStaging create(Path tmp) throws IOException {
        Files.createDirectories(tmp);
        sweep(tmp);
        return new CacheStaging(TemporaryFiles.createDirectory(tmp, "p" + PID + "-"));
    }

    /** The folder, made again if a closed cache is still written to (a frame finishing as its project closes). */
    Path folder() throws IOException {
        return Files.createDirectories(folder);
    }

    void close() {
        CacheTrees.deleteQuietly(folder);
    }

    /** Removes what ended processes left (and any name of an older FV Studio, which emptied the folder itself). */
    private static void sweep(Path tmp) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
            for (Path leftover : leftovers) {
                if (!belongsToARunningProcess(leftover.getFileName().toString())) {
                    CacheTrees.deleteQuietly(leftover);
                }
            }
        }
    }

    private static boolean belongsToARunningProcess(String name) {
        Matcher m = OURS.matcher(name);
        if (!m.matches()) {
            return false;
        }
        try {
            long pid = Long.parseLong(m.group(1));
            return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
