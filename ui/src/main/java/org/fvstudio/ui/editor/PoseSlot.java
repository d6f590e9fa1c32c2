package org.fvstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/** The pose the skeleton editor works on: a reference's skeleton or the target pose at one frame. */
public sealed interface PoseSlot {

    /** The people as the editor sees them, by index; a person without keys is all-missing. */
    List<PersonPose> people(Project project);

    int canvasWidth(Project project);

    int canvasHeight(Project project);

    Project withPerson(Project project, int index, PersonPose pose);

    Project withAddedPerson(Project project, PersonPose pose);

    Project withoutPerson(Project project, int index);

    /** A reference shot's skeleton. */
    record Reference(String id) implements PoseSlot {

        private ReferenceShot shot(Project project) {
            return project.reference(id).orElseThrow(() -> new IllegalStateException("reference " + id + " is gone"));
        }

        @Override
        public List<PersonPose> people(Project project) {
            return shot(project).pose().people();
        }

        @Override
        public int canvasWidth(Project project) {
            return shot(project).pose().canvasWidth();
        }

        @Override
        public int canvasHeight(Project project) {
            return shot(project).pose().canvasHeight();
        }

        @Override
        public Project withPerson(Project project, int index, PersonPose pose) {
            ReferenceShot shot = shot(project);
            return project.withReference(shot.withPose(shot.pose().withPerson(index, pose)));
        }

        @Override
        public Project withAddedPerson(Project project, PersonPose pose) {
            ReferenceShot shot = shot(project);
            List<PersonPose> people = new ArrayList<>(shot.pose().people());
            people.add(pose);
            return project.withReference(shot.withPose(shot.pose().withPeople(people)));
        }

        @Override
        public Project withoutPerson(Project project, int index) {
            ReferenceShot shot = shot(project);
            List<PersonPose> people = new ArrayList<>(shot.pose().people());
            people.remove(index);
            return project.withReference(shot.withPose(shot.pose().withPeople(people)));
        }
    }

    /** The target pose at {@code frame}; writing a person there creates a keyframe when none exists. */
    record Target(int frame) implements PoseSlot {

        @Override
        public List<PersonPose> people(Project project) {
            List<PersonPose> out = new ArrayList<>();
            for (PersonTrack track : project.target().people()) {
                out.add(track.sample(frame).orElse(PersonPose.empty()));
            }
            return out;
        }

        @Override
        public int canvasWidth(Project project) {
            return project.canvasWidth();
        }

        @Override
        public int canvasHeight(Project project) {
            return project.canvasHeight();
        }

        @Override
        public Project withPerson(Project project, int index, PersonPose pose) {
            PersonTrack track = project.target().people().get(index);
            PoseKeyframe key = track.keyAt(frame).map(k -> k.withPose(pose))
                    .orElseGet(() -> new PoseKeyframe(frame, pose, interpolationAt(track, frame)));
            return project.withTarget(project.target().withPerson(index, track.withKey(key)));
        }

        @Override
        public Project withAddedPerson(Project project, PersonPose pose) {
            PoseTrack target = project.target();
            String name = "Person " + (target.people().size() + 1);
            return project.withTarget(target.withAddedPerson(
                    new PersonTrack(name, List.of(new PoseKeyframe(frame, pose, Interpolation.LINEAR)))));
        }

        @Override
        public Project withoutPerson(Project project, int index) {
            return project.withTarget(project.target().withoutPerson(index));
        }

        /** A new key continues the interpolation of the segment it splits. */
        private static Interpolation interpolationAt(PersonTrack track, int frame) {
            Interpolation mode = Interpolation.LINEAR;
            for (PoseKeyframe k : track.keyframes()) {
                if (k.frame() < frame) {
                    mode = k.interpolation();
                }
            }
            return mode;
        }
    }

    /** The pose drawn for this slot (people without keys left out). */
    static Pose pose(PoseSlot slot, Project project) {
        List<PersonPose> people = slot.people(project).stream().filter(p -> p.presentCount() > 0).toList();
        return new Pose(slot.canvasWidth(project), slot.canvasHeight(project), people);
    }
}
