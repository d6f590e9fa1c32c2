package org.fvstudio.app.desktop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folders in which the Linux dynamic loader looks for a library, in the loader's own terms:
 * {@code LD_LIBRARY_PATH}, the folders named by {@code /etc/ld.so.conf} (and the files it includes, from which
 * the loader's cache is built) and the trusted default folders. Looking for a file there answers "would
 * dlopen find it" without loading anything into this process.
 */
public final class LibrarySearchPath {

    /** Names the launcher check treats as absent, comma separated: lets CI prove the message on a full machine. */
    public static final String HIDE_VARIABLE = "FVSTUDIO_HIDE_LIBRARIES";

    private static final List<String> TRUSTED = List.of("/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu");
    private static final int MAX_INCLUDE_DEPTH = 4;

    private final List<Path> folders;
    private final Set<String> hidden;

    public LibrarySearchPath(List<Path> folders, Set<String> hidden) {
        this.folders = List.copyOf(folders);
        this.hidden = Set.copyOf(hidden);
    }

    /** The search path of this process, as the loader would use it. */
    public static LibrarySearchPath ofThisProcess(Map<String, String> environment) {
        Set<Path> folders = new LinkedHashSet<>();
        String ldLibraryPath = environment.getOrDefault("LD_LIBRARY_PATH", "");
        for (String entry : ldLibraryPath.split(":")) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry));
            }
        }
        readLoaderConfig(Path.of("/etc/ld.so.conf"), folders, 0);
        TRUSTED.forEach(folder -> folders.add(Path.of(folder)));
        Set<String> hidden = new LinkedHashSet<>();
        for (String name : environment.getOrDefault(HIDE_VARIABLE, "").split(",")) {
            if (!name.isBlank()) {
                hidden.add(name.strip());
            }
        }
        return new LibrarySearchPath(new ArrayList<>(folders), hidden);
    }

    public boolean contains(String soname) {
        if (hidden.contains(soname)) {
            return false;
        }
        return folders.stream().anyMatch(folder -> Files.exists(folder.resolve(soname)));
    }

    public List<Path> folders() {
        return folders;
    }

    private static void readLoaderConfig(Path config, Set<Path> folders, int depth) {
        if (depth > MAX_INCLUDE_DEPTH || !Files.isRegularFile(config)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(config);
        } catch (IOException e) {
            return;
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ")) {
                includeMatching(config.getParent(), line.substring("include ".length()).strip(), folders, depth);
            } else if (line.startsWith("/")) {
                folders.add(Path.of(line));
            }
        }
    }

    /** {@code include /etc/ld.so.conf.d/*.conf}: a glob in the last path element only, as glibc writes it. */
    private static void includeMatching(Path base, String pattern, Set<Path> folders, int depth) {
        Path glob = base.resolve(pattern);
        Path parent = glob.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, glob.getFileName().toString())) {
            stream.forEach(matches::add);
        } catch (IOException e) {
            return;
        }
        matches.stream().sorted().forEach(file -> readLoaderConfig(file, folders, depth + 1));
    }
}
