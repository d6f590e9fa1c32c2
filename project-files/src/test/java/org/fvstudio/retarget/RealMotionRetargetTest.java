package org.fvstudio.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.timeline.PoseKeyframe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real motion retargeted to the bundled sample character: Pose2Sim's four OpenPose camera sequences and CMU 01_01.
 * On every frame where both ends of a bone are visible the bone is the character's length as seen on that frame
 * (the source's scale and foreshortening times the character's proportion), its direction is the source's, and a
 * planted foot keeps its height.
 */
class RealMotionRetargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"cam01", "cam02", "cam03", "cam04", "cmu"})
    void theMotionGetsTheCharactersBonesAndKeepsItsDirectionsAndContacts(String source) throws Exception {
        Project project = source.equals("cmu") ? SampleCharacter.drivenByCmu(96) : SampleCharacter.drivenByPose2Sim(source);
        MotionRetarget.Result result = MotionRetarget.retarget(project, RetargetOptions.DEFAULTS);
        Proportions character = result.character();
        BoneGains gains = result.gains().get(0);
        List<PoseKeyframe> before = project.target().people().get(0).keyframes();
        List<PoseKeyframe> after = result.project().target().people().get(0).keyframes();
        assertThat(after).hasSameSizeAs(before);
        Proportions retargeted = ProportionEstimator.estimate(after.stream().map(PoseKeyframe::pose).toList());
        int bonesChecked = 0;
        int contacts = 0;
        for (BoneKind kind : BoneKind.values()) {
            if (character.knows(kind) && result.sources().get(0).knows(kind)) {
                assertThat(retargeted.length(kind).orElseThrow()).as(source + " " + kind.label() + " proportion")
                        .isCloseTo(character.length(kind).orElseThrow(), within(0.02 * character.length(kind).orElseThrow()));
            }
        }
        for (int f = 0; f < before.size(); f++) {
            PersonPose src = before.get(f).pose();
            PersonPose out = after.get(f).pose();
            for (BodyJoint child : BoneKind.children()) {
                BodyJoint parent = BoneKind.parentOf(child);
                if (!src.get(child).isVisible() || !src.get(parent).isVisible()) {
                    continue;
                }
                double expected = gains.of(BoneKind.endingAt(child)) * MotionRetargetTest.length(src, child);
                assertThat(MotionRetargetTest.length(out, child)).as(source + " frame " + f + " " + child)
                        .isCloseTo(expected, within(0.02 * expected));
                if (MotionRetargetTest.length(src, child) > 2) {
                    double turn = MotionRetargetTest.angle(out, child) - MotionRetargetTest.angle(src, child);
                    turn = Math.IEEEremainder(turn, 360);
                    assertThat(Math.abs(turn)).as(source + " frame " + f + " direction of " + child).isLessThan(1);
                }
                bonesChecked++;
            }
            if (f > 0) {
                int planted = plantedFootPoint(before.get(f - 1).pose(), src);
                if (planted >= 0) {
                    assertThat(out.y(planted)).as(source + " frame " + f + " planted foot point " + planted)
                            .isCloseTo(src.y(planted), within(1.0));
                    contacts++;
                }
            }
        }
        assertThat(bonesChecked).as("bones measured").isGreaterThan(before.size() * 8);
        assertThat(contacts).as("foot contact frames").isGreaterThan(5);
        assertThat(gains.size()).isPositive();
    }

    /** The source's lowest visible foot point when it stays within 2 px of its height on the previous frame, else -1. */
    private static int plantedFootPoint(PersonPose previous, PersonPose pose) {
        int lowest = -1;
        for (int i : new int[] {BodyJoint.LEFT_ANKLE.index(), BodyJoint.RIGHT_ANKLE.index(), 18, 19, 20, 21, 22, 23}) {
            if (pose.get(i).isVisible() && (lowest < 0 || pose.y(i) > pose.y(lowest))) {
                lowest = i;
            }
        }
        if (lowest < 0 || !previous.get(lowest).isVisible() || Math.abs(previous.y(lowest) - pose.y(lowest)) > 2) {
            return -1;
        }
        return lowest;
    }
}
