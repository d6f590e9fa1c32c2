package org.fvstudio.ui.editor;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.studio.FxTestSupport;

/** Real poses from the Pose2Sim cam03 sequence in the test resources. */
public final class TestPoses {

    private TestPoses() {
    }

    public static Pose cam03Frame(int frame) {
        try {
            Path file = FxTestSupport.cam03Folder().resolve(String.format("cam03.%04d.json", frame));
            List<Pose> poses = new BundleProjectStorage().readPoseSequence(List.of(file)).frames();
            return poses.get(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read cam03 frame " + frame, e);
        }
    }

    public static PersonPose cam03Person(int frame) {
        return cam03Frame(frame).people().get(0);
    }
}
