package org.fvstudio.motion.bvh;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BVH files derived from the CMU 01_01 clip in the test resources: the same motion under other joint
 * names, or turned about the vertical axis. Built in memory, so no large copies are committed.
 */
public final class BvhVariants {

    private static final Pattern JOINT_LINE = Pattern.compile("(?m)^(\\s*(?:ROOT|JOINT)\\s+)(\\S+)");

    private static String cmuText;

    private BvhVariants() {
    }

    /** The CMU 01_01 clip's text (read as a resource, so it also works from the test jar). */
    public static synchronized String cmuText() {
        if (cmuText == null) {
            try (InputStream in = BvhVariants.class.getResourceAsStream("/bvh/cmu_01_01.bvh")) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource /bvh/cmu_01_01.bvh");
                }
                cmuText = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cmuText;
    }

    /** {@code text} with every ROOT / JOINT name passed through {@code rename} (one pass, so swaps work). */
    public static String renamed(String text, UnaryOperator<String> rename) {
        Matcher m = JOINT_LINE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + rename.apply(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code text} with the joints in {@code names} renamed, the others kept. */
    public static String renamed(String text, Map<String, String> names) {
        return renamed(text, name -> names.getOrDefault(name, name));
    }

    /**
     * {@code text} under a new root that turns the whole performer by {@code degrees} about +Y (right-handed)
     * on every frame; the rest pose (all channels 0) is unchanged.
     */
    public static String turned(String text, double degrees) {
        int hierarchy = text.indexOf("HIERARCHY");
        int root = text.indexOf("ROOT", hierarchy);
        int motion = text.indexOf("MOTION");
        StringBuilder out = new StringBuilder(text.length() * 11 / 10);
        out.append("HIERARCHY\nROOT Turn\n{\n  OFFSET 0 0 0\n  CHANNELS 1 Yrotation\n");
        out.append("JOINT").append(text, root + "ROOT".length(), motion).append("}\n");
        String[] lines = text.substring(motion).split("\\R");
        int frameTimeLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Frame Time")) {
                frameTimeLine = i;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            boolean row = i > frameTimeLine && !lines[i].isBlank();
            out.append(row ? degrees + " " + lines[i] : lines[i]).append('\n');
        }
        return out.toString();
    }

    static BvhMotion parse(String text, String name) {
        try {
            return BvhParser.parse(new StringReader(text), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BvhFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
