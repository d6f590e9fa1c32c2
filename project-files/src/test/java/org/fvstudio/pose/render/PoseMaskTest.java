package org.fvstudio.pose.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;

class PoseMaskTest {

    @Test
    void undilatedMaskIsExactlyThePaintedPixels() throws IOException {
        Pose pose = OpenPoseTestJson.read("/dwpose-render/pose2sim_cam03_0030.json");
        RgbImage image = new DwposeRenderer().render(pose);
        PoseMask mask = PoseMask.of(pose, 0);
        int painted = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                boolean p = image.rgb(x, y) != 0;
                assertThat(mask.contains(x, y)).isEqualTo(p);
                painted += p ? 1 : 0;
            }
        }
        assertThat(mask.count()).isEqualTo(painted).isGreaterThan(1000);
    }

    @Test
    void dilationGrowsAnIsolatedDiscByTheRadius() {
        // a lone joint: a radius-4 disc centred at (50, 50); dilated by 6 it reaches radius 10
        PersonPose person = PersonPose.empty().with(BodyJoint.NOSE.index(), new Keypoint(50, 50, 1));
        PoseMask mask = PoseMask.of(new Pose(100, 100, List.of(person)), 6);
        assertThat(mask.contains(60, 50)).isTrue();
        assertThat(mask.contains(61, 50)).isFalse();
        assertThat(mask.contains(50, 40)).isTrue();
        assertThat(mask.contains(50, 39)).isFalse();
        // diagonal: the disc's corner pixels are (53, 52) and (52, 53); (56, 56) is 5 px from them, (57, 57) 6.4 px
        assertThat(mask.contains(56, 56)).isTrue();
        assertThat(mask.contains(57, 57)).isFalse();
    }

    @Test
    void heatmapOnTheBodyScoresAboveAUniformMap() throws IOException {
        Pose pose = OpenPoseTestJson.read("/dwpose-render/pose2sim_cam03_0030.json");
        PoseMask mask = PoseMask.of(pose, 8);
        int mw = 27;
        int mh = 48;
        float[] onBody = new float[mw * mh];
        float[] offBody = new float[mw * mh];
        for (int my = 0; my < mh; my++) {
            for (int mx = 0; mx < mw; mx++) {
                int x = (int) ((mx + 0.5) * mask.width() / mw);
                int y = (int) ((my + 0.5) * mask.height() / mh);
                (mask.contains(x, y) ? onBody : offBody)[my * mw + mx] = 1f;
            }
        }
        double uniform = mask.uniformMassInside(mw, mh);
        assertThat(uniform).isBetween(0.01, 0.9);
        assertThat(mask.massInside(onBody, mw, mh)).isEqualTo(1.0);
        assertThat(mask.massInside(offBody, mw, mh)).isZero();
        assertThat(mask.coverage()).isGreaterThan(0.01);
    }
}
