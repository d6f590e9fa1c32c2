package org.fvstudio.retarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.bench.RealData;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectJson;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;

/** The bundled sample project (its character's three references) driven by real motion. */
final class SampleCharacter {

    private SampleCharacter() {
    }

    static Project sample() throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs/project.json").normalize();
        return ProjectJson.fromBytes(Files.readAllBytes(file), file.toString(), null);
    }

    /** The sample character driven by Pose2Sim camera {@code cam}'s OpenPose sequence, on that video's canvas. */
    static Project drivenByPose2Sim(String cam) throws Exception {
        Path folder = RealData.find("poses/pose2sim/" + cam + "/" + cam + ".0000.json").orElseThrow().getParent();
        List<Pose> frames = new OpenPoseReader().readSequence(folder);
        Pose first = frames.get(0);
        return sample().withCanvas(first.canvasWidth(), first.canvasHeight())
                .withTiming(24, frames.size())
                .withTarget(PoseTrack.fromFrames(frames, Interpolation.LINEAR))
                .withCamera(CameraTrack.empty());
    }

    /** The sample character driven by the first {@code frames} frames of CMU 01_01 at 24 fps, seen from the front. */
    static Project drivenByCmu(int frames) throws Exception {
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(BvhParser.parse(RealData.find(RealData.CMU_CLIP).orElseThrow()));
        Project sample = sample();
        PoseTrack track = builder.build(24, frames, builder.defaultCamera(sample.canvasWidth(), sample.canvasHeight()),
                sample.canvasWidth(), sample.canvasHeight());
        return sample.withTiming(24, frames).withTarget(track).withCamera(CameraTrack.empty());
    }
}
