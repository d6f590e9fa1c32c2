package org.fvstudio.inference.pipeline;

import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;

/** Where reference pictures come from (a project bundle's references/ folder, or memory in tests). */
@FunctionalInterface
public interface ReferenceImages {

    RgbImage load(ReferenceShot shot) throws GenerationException;
}
