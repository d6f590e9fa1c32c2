package org.fvstudio.coverage;

/**
 * One piece of coverage advice: what is missing over which frames, and the kind of shot to add.
 *
 * @param evidence what the generated frames of the range add (who fed the region there), or empty
 */
public record CoverageAdvice(Kind kind, int firstFrame, int lastFrame, String message, String shotToAdd,
                             String evidence) {

    /** What the advice is about. */
    public enum Kind {
        SIDE_UNSEEN("side"),
        FACE_TOO_SMALL("face"),
        REGION_UNSEEN("region"),
        WEAK_MATCH("weak-match");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public CoverageAdvice {
        if (firstFrame < 0 || lastFrame < firstFrame) {
            throw new IllegalArgumentException("advice needs frames a <= b, got " + firstFrame + "-" + lastFrame);
        }
        evidence = evidence == null ? "" : evidence;
    }

    /** "frames 40-70" or "frame 40". */
    public static String frames(int first, int last) {
        return first == last ? "frame " + first : "frames " + first + "-" + last;
    }

    public String frames() {
        return frames(firstFrame, lastFrame);
    }

    /** The message, then the evidence when there is some. */
    public String text() {
        return evidence.isEmpty() ? message : message + " (" + evidence + ")";
    }

    public CoverageAdvice withEvidence(String newEvidence) {
        return new CoverageAdvice(kind, firstFrame, lastFrame, message, shotToAdd, newEvidence);
    }
}
