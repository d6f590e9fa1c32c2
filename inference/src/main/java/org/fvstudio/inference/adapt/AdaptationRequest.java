package org.fvstudio.inference.adapt;

import java.nio.file.Path;
import java.util.Objects;

import org.fvstudio.inference.pack.BundlePacks;
import org.fvstudio.inference.pack.ManifestReader;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.project.Project;

/**
 * One adaptation of a pack to a project's character.
 *
 * @param basePack        the pack folder to start from
 * @param useDrivingVideo also learn from frames of the project's driving video with their skeletons
 * @param packId          id of the new pack (a valid {@link org.fvstudio.inference.pack.BundlePacks} id)
 * @param out             the new pack's folder (by default {@code <bundle>/packs/<packId>})
 */
public record AdaptationRequest(Path bundleDir, Path basePack, AdaptationBudget budget, boolean useDrivingVideo,
                                String packId, String packName, Path out) {

    public AdaptationRequest {
        Objects.requireNonNull(bundleDir, "bundleDir");
        Objects.requireNonNull(basePack, "basePack");
        Objects.requireNonNull(budget, "budget");
        if (!BundlePacks.isValidId(packId)) {
            throw new IllegalArgumentException("'" + packId + "' cannot name a pack (letters, digits, '.', '_', '-')");
        }
        Objects.requireNonNull(out, "out");
    }

    /**
     * The request the studio and {@code fvstudio adapt} make: the new pack is named after the base pack and the
     * project ("fvs-tiny-my-hero", "-2" etc. when taken) and lands in the bundle's packs/ unless {@code out} is given.
     */
    public static AdaptationRequest forProject(Project project, Path bundleDir, Path basePack, AdaptationBudget budget,
                                               boolean useDrivingVideo, Path out) throws AdaptationException {
        String baseId;
        try {
            baseId = ManifestReader.read(basePack.resolve(ManifestReader.FILE_NAME)).id();
        } catch (PackException e) {
            throw new AdaptationException("base pack: " + e.getMessage(), e);
        }
        String id = out != null && BundlePacks.isValidId(out.getFileName().toString()) ? out.getFileName().toString()
                : BundlePacks.freeId(bundleDir, baseId + "-" + BundlePacks.slug(project.name()));
        Path folder = out != null ? out : BundlePacks.folder(bundleDir).resolve(id);
        return new AdaptationRequest(bundleDir, basePack, budget, useDrivingVideo, id,
                project.name() + " (adapted from " + baseId + ")", folder);
    }

    /** Where the trainer keeps its checkpoint and previews: kept after a cancel, so the next run continues. */
    public Path workFolder() {
        return bundleDir.resolve("cache").resolve("adapt").resolve(packId);
    }
}
