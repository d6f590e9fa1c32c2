package org.fvstudio.motion.bvh;

/** A BVH skeleton whose joints cannot be mapped to a whole DWPose body; the message names the file and the points. */
public class BvhMappingException extends Exception {

    private static final long serialVersionUID = 1L;

    public BvhMappingException(String message) {
        super(message);
    }
}
