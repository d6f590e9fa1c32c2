package org.fvstudio.motion.bvh;

/** A BVH file that cannot be read; the message names the file, the line and the problem. */
public class BvhFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public BvhFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream name) that was being read. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }
}
