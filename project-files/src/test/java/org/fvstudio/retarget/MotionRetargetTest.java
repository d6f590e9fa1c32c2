package org.fvstudio.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.ProjectJson;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.Test;

class MotionRetargetTest {

    private static final Map<BoneKind, Double> CHARACTER = SyntheticBodies.lengths(40, 12, 15, 35, 60, 55, 100, 90, 85);
    private static final Map<BoneKind, Double> DANCER = SyntheticBodies.lengths(40, 12, 15, 40, 75, 70, 100, 135, 125);
    private static final BoneKind[] HEIGHT = {BoneKind.HEAD, BoneKind.TORSO, BoneKind.THIGH, BoneKind.SHIN};

    @Test
    void aLongLeggedDancerGetsTheCharactersProportionsAtTheSourcesHeight() throws Exception {
        Project project = synthetic(RetargetOptions.DEFAULTS);
        MotionRetarget.Result result = MotionRetarget.retarget(project, RetargetOptions.DEFAULTS);
        double size = sum(DANCER) / sum(CHARACTER);
        List<PoseKeyframe> source = project.target().people().get(0).keyframes();
        List<PoseKeyframe> out = result.project().target().people().get(0).keyframes();
        for (int f = 0; f < source.size(); f++) {
            double scale = f % 2 == 0 ? 1 : 1.6;
            PersonPose before = source.get(f).pose();
            PersonPose after = out.get(f).pose();
            for (BodyJoint child : BoneKind.children()) {
                BoneKind kind = BoneKind.endingAt(child);
                double expected = scale * size * CHARACTER.get(kind) * (f == 2 && kind == BoneKind.THIGH ? 0.5 : 1);
                assertThat(length(after, child)).as(kind.label() + " at key " + f).isCloseTo(expected, within(1e-6));
                assertThat(angle(after, child)).isCloseTo(angle(before, child), within(1e-9));
            }
            int heel = before.y(20) > before.y(23) ? 20 : 23;
            assertThat(after.y(heel)).as("the lowest heel keeps its height").isCloseTo(before.y(heel), within(1e-9));
            assertThat(hipsX(after)).isCloseTo(hipsX(before), within(1e-9));
        }
        assertThat(result.project().retarget().original()).isEqualTo(project.target());
        assertThat(result.keysRebuilt()).isEqualTo(3);
    }

    @Test
    void theCharactersHeightKeepsTheTorsoAndStrengthBlends() throws Exception {
        Project project = synthetic(RetargetOptions.DEFAULTS);
        RetargetOptions character = new RetargetOptions(1, RetargetOptions.Height.CHARACTER);
        PersonPose full = MotionRetarget.retarget(project, character).project().target().people().get(0).keyframes().get(0).pose();
        assertThat(length(full, BodyJoint.RIGHT_HIP)).isCloseTo(length(source(project), BodyJoint.RIGHT_HIP), within(1e-9));
        assertThat(length(full, BodyJoint.RIGHT_KNEE)).isCloseTo(90, within(1e-6));
        PersonPose half = MotionRetarget.retarget(project, new RetargetOptions(0.5, RetargetOptions.Height.CHARACTER))
                .project().target().people().get(0).keyframes().get(0).pose();
        PersonPose before = source(project);
        for (int i = 0; i < 18; i++) {
            assertThat(half.x(i)).isCloseTo((before.x(i) + full.x(i)) / 2, within(1e-9));
            assertThat(half.y(i)).isCloseTo((before.y(i) + full.y(i)) / 2, within(1e-9));
        }
    }

    @Test
    void aSecondRetargetStartsFromTheOriginalAndRestoreBringsItBack() throws Exception {
        Project project = synthetic(RetargetOptions.DEFAULTS);
        Project once = MotionRetarget.retarget(project, RetargetOptions.DEFAULTS).project();
        RetargetOptions other = new RetargetOptions(0.3, RetargetOptions.Height.CHARACTER);
        Project twice = MotionRetarget.retarget(once, other).project();
        assertThat(twice.target()).isEqualTo(MotionRetarget.retarget(project, other).project().target());
        assertThat(twice.retarget().original()).isEqualTo(project.target());
        assertThat(MotionRetarget.restored(twice).target()).isEqualTo(project.target());
        assertThat(MotionRetarget.restored(twice).retarget()).isNull();
    }

    @Test
    void theOriginalMotionAndOptionsSurviveSaveAndLoad() throws Exception {
        Project sample = SampleCharacter.sample();
        assertThat(sample.retarget()).as("a file without the section").isNull();
        RetargetOptions options = new RetargetOptions(0.75, RetargetOptions.Height.CHARACTER);
        Project retargeted = MotionRetarget.retarget(sample, options).project();
        Project read = ProjectJson.fromBytes(ProjectJson.toBytes(retargeted), "project.json", null);
        assertThat(read.retarget().options()).isEqualTo(options);
        // the writer leaves out a part with no point present, so compare what a second save writes
        assertThat(ProjectJson.toBytes(read)).isEqualTo(ProjectJson.toBytes(retargeted));
        Project original = MotionRetarget.restored(read);
        assertThat(ProjectJson.toBytes(original)).isEqualTo(ProjectJson.toBytes(sample));
        assertThat(new String(ProjectJson.toBytes(sample), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("retarget");
    }

    @Test
    void badRetargetSectionsAreNamed() {
        String json = "{\"format\":\"fvstudio-project\",\"version\":1,\"name\":\"x\",\"fps\":24,\"frame_count\":4,"
                + "\"canvas\":{\"width\":64,\"height\":64},\"retarget\":{\"height\":\"giant\",\"original\":{\"people\":[]}}}";
        assertThatThrownBy(() -> ProjectJson.fromBytes(json.getBytes(), "project.json", null))
                .hasMessageContaining("retarget.height").hasMessageContaining("expected source or character");
    }

    @Test
    void withoutSkeletonsInTheReferencesTheRetargetSaysWhy() throws Exception {
        Project project = synthetic(RetargetOptions.DEFAULTS);
        Project blind = project.withReferences(project.references().stream()
                .map(r -> r.withPose(Pose.empty(512, 512))).toList());
        assertThatThrownBy(() -> MotionRetarget.retarget(blind, RetargetOptions.DEFAULTS))
                .isInstanceOf(RetargetException.class).hasMessageContaining("references' skeletons");
    }

    /** The character in two references (one with a foreshortened thigh); the dancer in three keys at two scales. */
    private static Project synthetic(RetargetOptions unused) {
        List<ReferenceShot> refs = List.of(
                reference("a", SyntheticBodies.figure(CHARACTER, 256, 100, 1.2, 0, null, 1)),
                reference("b", SyntheticBodies.figure(CHARACTER, 256, 100, 0.6, 10, BoneKind.THIGH, 0.5)));
        List<PoseKeyframe> keys = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            PersonPose dancer = SyntheticBodies.figure(DANCER, 200 + 20 * f, 80, f % 2 == 0 ? 1 : 1.6, 12 * f,
                    f == 2 ? BoneKind.THIGH : null, 0.5);
            keys.add(new PoseKeyframe(f, dancer, Interpolation.LINEAR));
        }
        PoseTrack target = new PoseTrack(List.of(new PersonTrack("Dancer", keys)));
        return new Project("Synthetic", 24, 3, 512, 512, refs, target, org.fvstudio.timeline.CameraTrack.empty(),
                org.fvstudio.project.GenerationSettings.DEFAULTS);
    }

    private static ReferenceShot reference(String id, PersonPose pose) {
        return new ReferenceShot(id, id, id + ".png", new Pose(512, 512, List.of(pose)), ShotScale.WIDE, true, "");
    }

    private static PersonPose source(Project project) {
        return project.target().people().get(0).keyframes().get(0).pose();
    }

    private static double sum(Map<BoneKind, Double> lengths) {
        double s = 0;
        for (BoneKind kind : HEIGHT) {
            s += lengths.get(kind);
        }
        return s;
    }

    static double length(PersonPose pose, BodyJoint child) {
        BodyJoint parent = BoneKind.parentOf(child);
        return Math.hypot(pose.x(child.index()) - pose.x(parent.index()), pose.y(child.index()) - pose.y(parent.index()));
    }

    static double angle(PersonPose pose, BodyJoint child) {
        BodyJoint parent = BoneKind.parentOf(child);
        return Math.toDegrees(Math.atan2(pose.y(child.index()) - pose.y(parent.index()),
                pose.x(child.index()) - pose.x(parent.index())));
    }

    private static double hipsX(PersonPose pose) {
        return (pose.x(BodyJoint.RIGHT_HIP.index()) + pose.x(BodyJoint.LEFT_HIP.index())) / 2;
    }
}
