package org.fvstudio.retarget;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.project.RetargetedMotion;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/**
 * Fits the target motion to the character's proportions (Pose ▸ Retarget motion to the character…, and
 * {@code fvstudio retarget}). The character's proportions come from every reference's skeleton (a disabled
 * reference still shows the character); each person of the target gets their own source proportions from their
 * keyframes, and every keyframe is rebuilt with {@link PoseRebuild}. The motion before the first retarget stays in
 * the project, so a second retarget starts again from it, and {@link #restored} brings it back.
 */
public final class MotionRetarget {

    private MotionRetarget() {
    }

    /** What a retarget made, for the status line and the command's report. */
    public record Result(Project project, Proportions character, List<Proportions> sources, List<BoneGains> gains,
                         int keysRebuilt, int keysKept) {

        public String summary() {
            return "retargeted " + keysRebuilt + " keyframe" + (keysRebuilt == 1 ? "" : "s") + " to the character ("
                    + project.retarget().options().describe() + ")"
                    + (keysKept > 0 ? "; " + keysKept + " without a neck or shoulders kept as they were" : "");
        }
    }

    /** The character's proportions from the references' skeletons (every person of every reference). */
    public static Proportions character(Project project) {
        List<PersonPose> views = new ArrayList<>();
        for (ReferenceShot reference : project.references()) {
            if (reference.hasSkeleton()) {
                views.addAll(reference.pose().people());
            }
        }
        return ProportionEstimator.estimate(views);
    }

    /** The motion the retarget starts from: the original of an earlier retarget, else the target. */
    public static PoseTrack source(Project project) {
        return project.retarget() != null ? project.retarget().original() : project.target();
    }

    public static Result retarget(Project project, RetargetOptions options) throws RetargetException {
        PoseTrack source = source(project);
        if (source.isEmpty()) {
            throw new RetargetException("the target has no keyframes to retarget");
        }
        Proportions character = character(project);
        if (character.isEmpty()) {
            throw new RetargetException("no reference has a skeleton with two joints of one bone visible: "
                    + "detect or draw the references' skeletons first");
        }
        List<PersonTrack> people = new ArrayList<>();
        List<Proportions> sources = new ArrayList<>();
        List<BoneGains> gains = new ArrayList<>();
        int rebuilt = 0;
        int kept = 0;
        for (PersonTrack person : source.people()) {
            Proportions proportions = ProportionEstimator.estimate(person.keyframes().stream().map(PoseKeyframe::pose).toList());
            BoneGains personGains = BoneGains.of(character, proportions, options.height());
            PoseRebuild rebuild = new PoseRebuild(personGains, options.strength());
            List<PoseKeyframe> keys = new ArrayList<>();
            for (PoseKeyframe key : person.keyframes()) {
                PersonPose pose = rebuild.rebuild(key.pose());
                if (pose == key.pose()) {
                    kept++;
                } else {
                    rebuilt++;
                }
                keys.add(key.withPose(pose));
            }
            people.add(person.withKeyframes(keys));
            sources.add(proportions);
            gains.add(personGains);
        }
        Project after = project.withTarget(new PoseTrack(people)).withRetarget(new RetargetedMotion(source, options));
        return new Result(after, character, sources, gains, rebuilt, kept);
    }

    /** The project with its motion as it was before the retarget (unchanged when it was not retargeted). */
    public static Project restored(Project project) {
        return project.retarget() == null ? project : project.withTarget(project.retarget().original()).withRetarget(null);
    }
}
