package org.fvstudio.inference.adapt;

import java.nio.file.Path;

/**
 * A finished adaptation: the new pack (verified: every file's hash, every graph's signature) and its id.
 *
 * @param previewPsnrDb PSNR of the held-out reference generated from the others with the adapted pack
 */
public record AdaptationResult(Path pack, String packId, int steps, double previewPsnrDb) {
}
