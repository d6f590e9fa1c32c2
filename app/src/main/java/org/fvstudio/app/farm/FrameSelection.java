package org.fvstudio.app.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frames a command works on: {@code --frames} (the farm range grammar of {@link FrameRanges}, default every
 * frame), optionally cut to one of n contiguous chunks (sizes differing by at most one) ({@code --chunk i/n}, i counted from 0 like a
 * Kubernetes completion index), and optionally clamped to the project's frames (an OpenCue chunk can overshoot the
 * layer's last frame). Frame numbers stay those of the project.
 */
public final class FrameSelection {

    private static final Pattern CHUNK = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    private FrameSelection() {
    }

    /**
     * @throws IllegalArgumentException with a message that names the option
     */
    public static List<Integer> resolve(String frames, String chunk, boolean clamp, int frameCount) {
        List<Integer> selected;
        if (frames == null || frames.isBlank()) {
            selected = new ArrayList<>();
            for (int f = 0; f < frameCount; f++) {
                selected.add(f);
            }
        } else {
            try {
                selected = new ArrayList<>(FrameRanges.parse(frames));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--frames: " + e.getMessage());
            }
            List<Integer> outside = selected.stream().filter(f -> f < 0 || f >= frameCount).toList();
            if (!outside.isEmpty()) {
                if (!clamp) {
                    throw new IllegalArgumentException("--frames " + frames.strip() + " is outside the project's frames 0-"
                            + (frameCount - 1) + " (frames " + FrameRanges.format(outside) + "; --clamp drops them)");
                }
                selected.removeAll(outside);
            }
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("--frames " + frames.strip() + " names no frame of the project's frames 0-"
                        + (frameCount - 1));
            }
        }
        return chunk == null ? List.copyOf(selected) : chunkOf(selected, chunk);
    }

    private static List<Integer> chunkOf(List<Integer> frames, String chunk) {
        Matcher m = CHUNK.matcher(chunk);
        if (!m.matches()) {
            throw new IllegalArgumentException("--chunk must look like I/N (chunk I of N, I from 0), got '" + chunk + "'");
        }
        long index;
        long count;
        try {
            index = Long.parseLong(m.group(1));
            count = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--chunk " + chunk.strip() + " is out of range");
        }
        if (count < 1 || index >= count) {
            throw new IllegalArgumentException("--chunk " + chunk.strip() + ": I must be 0 to N-1 and N at least 1");
        }
        if (count > frames.size()) {
            throw new IllegalArgumentException("--chunk " + chunk.strip() + ": " + count + " chunks of only "
                    + frames.size() + " frames");
        }
        // balanced: chunk sizes differ by at most one frame, and none is empty
        int start = (int) (index * frames.size() / count);
        int end = (int) ((index + 1) * frames.size() / count);
        return List.copyOf(frames.subList(start, end));
    }
}
