package org.fvstudio.project;

import java.nio.file.Path;
import java.util.Objects;

import org.fvstudio.timeline.OrbitCameraTrack;

/**
 * Where the target track came from when it was imported from motion capture: the BVH file and the
 * orbit camera it was projected through, kept so the track can be rebuilt with other camera keys.
 * In project.json the file is stored like the driving video (relative inside the bundle, else absolute).
 *
 * @param bvh   the BVH file
 * @param orbit the orbit camera keys the target track was built with
 */
public record MotionSource(Path bvh, OrbitCameraTrack orbit) {

    public MotionSource {
        Objects.requireNonNull(bvh, "bvh");
        Objects.requireNonNull(orbit, "orbit");
    }

    public MotionSource withOrbit(OrbitCameraTrack newOrbit) {
        return new MotionSource(bvh, newOrbit);
    }
}
