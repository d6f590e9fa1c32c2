package org.fvstudio.inference.dwpose;

import org.fvstudio.inference.skeleton.BoundingBox;

/** A detector hit: its box, the best class (0 = person in COCO) and score = objectness x class score. */
public record Detection(BoundingBox box, int classId, double score) {
}
