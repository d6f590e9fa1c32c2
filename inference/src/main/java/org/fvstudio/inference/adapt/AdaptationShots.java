package org.fvstudio.inference.adapt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.fvstudio.media.MediaException;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * Writes what an adaptation learns from as {@code shots.json} (the format training/adapt.py reads): the project's
 * enabled reference shots that have a skeleton and, when asked and the project has one, frames of the driving video
 * with the target skeleton at the same time (the video frame stretched over the canvas, as the viewer shows it).
 */
public final class AdaptationShots {

    public static final String FILE_NAME = "shots.json";
    /** Driving-video frames taken, spread evenly over the project. */
    public static final int MAX_DRIVING_FRAMES = 60;
    private static final int BODY_JOINTS = 18;

    private AdaptationShots() {
    }

    /** @return the number of reference shots and driving frames written */
    public record Written(Path file, int references, int drivingFrames) {
    }

    public static Written write(Project project, Path bundleDir, boolean useDrivingVideo, Path folder)
            throws IOException, AdaptationException {
        Files.createDirectories(folder);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("name", project.name());
        ArrayNode shots = root.putArray("shots");
        int references = 0;
        for (ReferenceShot reference : project.enabledReferences()) {
            if (!reference.hasSkeleton()) {
                continue;
            }
            Path image = bundleDir.resolve("references").resolve(reference.imageFile()).toAbsolutePath();
            if (!Files.isRegularFile(image)) {
                throw new AdaptationException("reference '" + reference.displayName() + "': image " + image + " is missing");
            }
            shot(shots, image, reference.pose(), "reference").put("id", reference.id()).put("name", reference.displayName());
            references++;
        }
        if (references < 2) {
            throw new AdaptationException("adapting a pack needs at least 2 enabled reference shots with a skeleton; "
                    + project.name() + " has " + references);
        }
        int driving = useDrivingVideo ? drivingFrames(project, folder, shots) : 0;
        Path file = folder.resolve(FILE_NAME);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return new Written(file, references, driving);
    }

    private static int drivingFrames(Project project, Path folder, ArrayNode shots) throws AdaptationException {
        DrivingVideo video = project.drivingVideo();
        if (video == null) {
            throw new AdaptationException("the project has no driving video to adapt to (untick \"use the driving video\")");
        }
        int n = Math.min(MAX_DRIVING_FRAMES, project.frameCount());
        TreeMap<Integer, Integer> projectFrameOfSource = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int p = n == 1 ? 0 : (int) Math.round(i * (project.frameCount() - 1) / (double) (n - 1));
            if (visibleJoints(subject(project.rawTargetPoseAt(p))) >= ReferenceShot.MIN_SKELETON_JOINTS) {
                projectFrameOfSource.putIfAbsent(video.sourceFrameAt(p, project.fps()), p);
            }
        }
        int written = 0;
        try (VideoFrameReader reader = VideoFrameReader.open(video.file())) {
            VideoFrame frame;
            while (!projectFrameOfSource.isEmpty() && (frame = reader.nextFrame()) != null) {
                Integer p = projectFrameOfSource.remove(frame.index());
                if (p == null) {
                    continue;
                }
                Path png = folder.resolve(String.format("driving_%05d.png", p));
                PngImages.write(frame.image(), png);
                shot(shots, png.toAbsolutePath(), project.rawTargetPoseAt(p), "driving").put("name", "frame " + p);
                written++;
            }
        } catch (MediaException | IOException e) {
            throw new AdaptationException("driving video " + video.file() + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static ObjectNode shot(ArrayNode shots, Path image, Pose pose, String role) {
        ObjectNode shot = shots.addObject().put("image", image.toString()).put("role", role);
        shot.putArray("canvas").add(pose.canvasWidth()).add(pose.canvasHeight());
        ArrayNode body = shot.putArray("body");
        PersonPose person = subject(pose);
        for (int j = 0; j < BODY_JOINTS; j++) {
            ArrayNode point = body.addArray();
            if (person == null) {
                point.add(0.0).add(0.0).add(0.0);
            } else {
                point.add(person.x(j)).add(person.y(j)).add(person.confidence(j));
            }
        }
        return shot;
    }

    /** The person with the most visible body joints (the character; others are bystanders). */
    static PersonPose subject(Pose pose) {
        List<PersonPose> people = pose.people();
        PersonPose best = null;
        int most = -1;
        for (PersonPose person : people) {
            int visible = visibleJoints(person);
            if (visible > most) {
                best = person;
                most = visible;
            }
        }
        return best;
    }

    private static int visibleJoints(PersonPose person) {
        if (person == null) {
            return 0;
        }
        int n = 0;
        for (int j = 0; j < BODY_JOINTS; j++) {
            n += person.confidence(j) > Keypoint.VISIBLE_THRESHOLD ? 1 : 0;
        }
        return n;
    }
}
