package org.fvstudio.ui.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.inference.pack.PackLocator;

/** Finds model packs: the bundled ones first, then a folder path or the pack search path. */
public final class PackResolver {

    private PackResolver() {
    }

    public static Path resolve(String idOrPath) throws PackException {
        Optional<Path> bundled = BundledAssets.locate().flatMap(a -> a.pack(idOrPath));
        return bundled.isPresent() ? bundled.get() : PackLocator.resolve(idOrPath);
    }

    /** Ids of the packs shipped in the assets folder. */
    public static List<String> bundledIds() {
        List<String> ids = new ArrayList<>();
        BundledAssets.locate().ifPresent(assets -> {
            if (!Files.isDirectory(assets.packsFolder())) {
                return;
            }
            try (Stream<Path> dirs = Files.list(assets.packsFolder())) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("pack.json")))
                        .map(d -> d.getFileName().toString()).sorted().forEach(ids::add);
            } catch (IOException e) {
                // An unreadable assets folder just offers no bundled packs; "Folder…" still works.
            }
        });
        return ids;
    }
}
