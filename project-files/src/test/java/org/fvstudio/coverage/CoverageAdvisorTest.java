package org.fvstudio.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.bench.RealData;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.ProjectJson;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.junit.jupiter.api.Test;

/** Coverage advice on the bundled sample project (close-up front, medium left side, wide from behind). */
class CoverageAdvisorTest {

    @Test
    void theSampleReferencesAreReadAsFrontLeftSideAndBack() throws Exception {
        CoverageReport report = CoverageAdvisor.advise(sample(), Map.of());
        assertThat(report.references()).extracting(r -> r.reading().facing())
                .containsExactly(Facing.FRONT, Facing.LEFT, Facing.BACK);
        assertThat(report.advice()).noneMatch(a -> a.kind() == CoverageAdvice.Kind.SIDE_UNSEEN && a.message().contains("back"));
        assertThat(report.shotFeed()).isNull();
    }

    @Test
    void aTargetThatTurnsItsBackWithOnlyFrontShotsNamesTheBack() throws Exception {
        Project sample = sample();
        Project frontOnly = only(sample, "ref-1");
        CoverageReport report = CoverageAdvisor.advise(frontOnly, Map.of());
        CoverageAdvice back = report.advice().stream()
                .filter(a -> a.kind() == CoverageAdvice.Kind.SIDE_UNSEEN && a.message().contains("the back of the body"))
                .findFirst().orElseThrow(() -> new AssertionError(report.describe()));
        // the sample's performer hides the face from frame 43 to the end
        assertThat(back.firstFrame()).isEqualTo(43);
        assertThat(back.lastFrame()).isEqualTo(47);
        assertThat(back.message()).contains("frames 43-47").contains("no reference shows it").contains("from behind");
        assertThat(back.shotToAdd()).isEqualTo("a shot from behind");
    }

    @Test
    void motionCaptureSeenFromBehindWithOnlyTheFrontCloseUpNamesTheBackOverTheWholeShot() throws Exception {
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(BvhParser.parse(RealData.find(RealData.CMU_CLIP).orElseThrow()));
        Project sample = only(sample(), "ref-1");
        OrbitCameraTrack front = builder.defaultCamera(sample.canvasWidth(), sample.canvasHeight());
        OrbitCameraTrack behind = front.orbitedBy(180);
        Project project = sample.withTiming(24, 48).withCamera(CameraTrack.empty())
                .withTarget(builder.build(24, 48, behind, sample.canvasWidth(), sample.canvasHeight()));
        CoverageReport report = CoverageAdvisor.advise(project, Map.of());
        assertThat(report.advice()).as(report.describe()).anySatisfy(a -> {
            assertThat(a.message()).startsWith("the back of the body is seen in frames 0-47");
        });
    }

    @Test
    void aFaceCloseUpWithOnlyAWideReferenceNamesTheFace() throws Exception {
        Project sample = sample();
        ReferenceShot closeUp = sample.reference("ref-1").orElseThrow();
        Pose small = new Pose(512, 512, closeUp.pose().people().stream()
                .map(p -> p.transformed(0.25, 0, 0, 0.25, 192, 100)).toList());
        ReferenceShot wide = new ReferenceShot("wide-front", "Wide front", closeUp.imageFile(), small, ShotScale.WIDE, true, "");
        Project project = sample.withReferences(List.of(wide));
        CoverageReport report = CoverageAdvisor.advise(project, Map.of());
        CoverageAdvice face = report.advice().stream().filter(a -> a.kind() == CoverageAdvice.Kind.FACE_TOO_SMALL)
                .findFirst().orElseThrow(() -> new AssertionError(report.describe()));
        assertThat(face.message()).contains("face close-up").contains("'Wide front', a wide shot").contains("add a close-up");
        // the camera zooms in towards the end: the close-up lies there, and the real close-up reference covers it
        assertThat(face.lastFrame()).isGreaterThanOrEqualTo(40);
        assertThat(CoverageAdvisor.advise(sample, Map.of()).advice())
                .noneMatch(a -> a.kind() == CoverageAdvice.Kind.FACE_TOO_SMALL);
    }

    @Test
    void theLegsOfAWideTargetWithOnlyTheCloseUpAreNamed() throws Exception {
        Project project = only(sample(), "ref-1").withCamera(CameraTrack.empty());
        CoverageReport report = CoverageAdvisor.advise(project, Map.of());
        assertThat(report.advice()).as(report.describe()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(CoverageAdvice.Kind.REGION_UNSEEN);
            assertThat(a.message()).startsWith("the legs are seen in frames 0-47").endsWith("add a wide shot");
        });
    }

    static Project sample() throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs/project.json").normalize();
        return ProjectJson.fromBytes(Files.readAllBytes(file), file.toString(), null);
    }

    private static Project only(Project project, String id) {
        return project.withReferences(project.references().stream().map(r -> r.withEnabled(r.id().equals(id))).toList());
    }
}
