package org.fvstudio.motion.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BvhParserTest {

    @Test
    void cmuFileHas31JointsAnd2752FramesAt120Fps() throws Exception {
        BvhMotion motion = BvhParser.parse(BvhTestFiles.cmu());
        assertThat(motion.jointCount()).isEqualTo(31);
        assertThat(motion.frameCount()).isEqualTo(2752);
        assertThat(motion.framesPerSecond()).isCloseTo(120, within(0.01));
        assertThat(motion.channelCount()).isEqualTo(6 + 30 * 3);
        assertThat(motion.warnings()).isEmpty();
        BvhJoint root = motion.joints().get(0);
        assertThat(root.name()).isEqualTo("Hips");
        assertThat(root.isRoot()).isTrue();
        assertThat(root.channels()).containsExactly(BvhChannel.XPOSITION, BvhChannel.YPOSITION, BvhChannel.ZPOSITION,
                BvhChannel.ZROTATION, BvhChannel.YROTATION, BvhChannel.XROTATION);
        BvhJoint head = motion.joints().get(motion.jointIndex("Head").orElseThrow());
        assertThat(head.hasEndSite()).isTrue();
        assertThat(head.endSite().y()).isCloseTo(1.77044, within(1e-9));
        assertThat(motion.joints().get(head.parent()).name()).isEqualTo("Neck1");
        // last value of the last row
        assertThat(motion.value(2751, 95)).isCloseTo(-0.9244, within(1e-12));
    }

    @Test
    void channelListShorterThanDeclared() {
        String bad = BvhTestFiles.SMALL.replace("CHANNELS 3 Xrotation Zrotation Yrotation", "CHANNELS 3 Xrotation Zrotation");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "short-channels.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("short-channels.bvh:10:")
                .hasMessageContaining("declares 3 channels but lists 2");
    }

    @Test
    void channelListLongerThanDeclared() {
        String bad = BvhTestFiles.SMALL.replace("CHANNELS 3 Zrotation Xrotation Yrotation", "CHANNELS 2 Zrotation Xrotation Yrotation");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "long-channels.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("long-channels.bvh:18:")
                .hasMessageContaining("declares 2 channels but lists more");
    }

    @Test
    void rowWithTheWrongNumberOfValues() {
        String bad = BvhTestFiles.SMALL.replace("1 2 3 90 0 0 90 90 0 90 90 0", "1 2 3 90 0 0 90 90 0 90 90");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "row.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("row.bvh:29:")
                .hasMessageContaining("frame 1 has 11 values, expected 12");
    }

    @Test
    void truncatedMotion() {
        String bad = BvhTestFiles.SMALL.replace("1 2 3 90 0 0 90 90 0 90 90 0\n", "");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "truncated.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("truncated.bvh:")
                .hasMessageContaining("truncated: 'Frames: 2' but only 1 rows");
    }

    @Test
    void truncatedHierarchy() {
        String bad = BvhTestFiles.SMALL.substring(0, BvhTestFiles.SMALL.indexOf("JOINT B"));
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "cut.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("cut.bvh:")
                .hasMessageContaining("hierarchy ends");
    }

    @Test
    void nonNumericValueNamesTheChannel() {
        String bad = BvhTestFiles.SMALL.replace("1 2 3 90 0 0 90 90 0 90 90 0", "1 2 3 90 0 0 90 abc 0 90 90 0");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "nan.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("nan.bvh:29:")
                .hasMessageContaining("channel Zrotation of joint A: 'abc' is not a number");
    }

    @Test
    void nonNumericOffset() {
        String bad = BvhTestFiles.SMALL.replace("OFFSET 1 0 0", "OFFSET 1 zero 0");
        assertThatThrownBy(() -> BvhTestFiles.parse(bad, "offset.bvh"))
                .isInstanceOf(BvhFormatException.class)
                .hasMessageContaining("offset.bvh:17:")
                .hasMessageContaining("'zero' is not a number");
    }

    @Test
    void oneMoreDataRowThanFramesIsIgnoredWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("extra.bvh");
        Files.writeString(file, BvhTestFiles.SMALL + "9 9 9 9 9 9 9 9 9 9 9 9\n");
        BvhMotion motion = BvhParser.parse(file);
        assertThat(motion.frameCount()).isEqualTo(2);
        assertThat(motion.value(1, 0)).isEqualTo(1);
        assertThat(motion.warnings()).singleElement().asString()
                .contains("extra.bvh:30").contains("1 data row(s) beyond 'Frames: 2' ignored");
    }

    @Test
    void missingMotionAndBadFrameTime() {
        String noMotion = BvhTestFiles.SMALL.substring(0, BvhTestFiles.SMALL.indexOf("MOTION"));
        assertThatThrownBy(() -> BvhTestFiles.parse(noMotion, "nomotion.bvh"))
                .isInstanceOf(BvhFormatException.class).hasMessageContaining("nomotion.bvh").hasMessageContaining("no MOTION section");
        String badTime = BvhTestFiles.SMALL.replace("Frame Time: 0.5", "Frame Time: -1");
        assertThatThrownBy(() -> BvhTestFiles.parse(badTime, "time.bvh"))
                .isInstanceOf(BvhFormatException.class).hasMessageContaining("time.bvh:27:")
                .hasMessageContaining("frame time must be a positive number");
        String badFrames = BvhTestFiles.SMALL.replace("Frames: 2", "Frames: two");
        assertThatThrownBy(() -> BvhTestFiles.parse(badFrames, "frames.bvh"))
                .isInstanceOf(BvhFormatException.class).hasMessageContaining("frames.bvh:26:")
                .hasMessageContaining("expected 'Frames: <count>'");
    }

    @Test
    void notABvhFileAtAll() {
        for (String text : List.of("", "hello world\n", "{\"people\": []}")) {
            assertThatThrownBy(() -> BvhTestFiles.parse(text, "other.txt"))
                    .isInstanceOf(BvhFormatException.class).hasMessageStartingWith("other.txt:1: ");
        }
    }
}
