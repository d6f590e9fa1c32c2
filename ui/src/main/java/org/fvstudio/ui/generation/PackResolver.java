package org.fvstudio.ui.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.inference.pack.BundlePacks;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.inference.pack.PackLocator;

/**
 * Finds model packs: the project bundle's own packs first (adapted packs in {@code NAME.fvs/packs/}), then the
 * bundled ones, then a folder path or the pack search path.
 */
public final class PackResolver {

    private PackResolver() {
    }

    public static Path resolve(String idOrPath) throws PackException {
        Optional<Path> bundled = BundledAssets.locate().flatMap(a -> a.pack(idOrPath));
        return bundled.isPresent() ? bundled.get() : PackLocator.resolve(idOrPath);
    }

    /** {@link #resolve(String)} after the packs inside {@code bundle} (null: no bundle yet). */
    public static Path resolve(String idOrPath, Path bundle) throws PackException {
        Optional<Path> own = BundlePacks.find(bundle, idOrPath);
        return own.isPresent() ? own.get() : resolve(idOrPath);
    }

    /** What the generation panel offers: the bundle's own packs, then the shipped ones. */
    public static List<String> offeredIds(Path bundle) {
        List<String> ids = new ArrayList<>(BundlePacks.ids(bundle));
        for (String id : bundledIds()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
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
