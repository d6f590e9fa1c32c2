package org.fvstudio.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyBuilderTest {

    @Test
    void samePiecesGiveTheSameKey() throws IOException {
        Pose pose = TestPoses.load("pose2sim_cam01_0000.json");
        CacheKey a = new CacheKeyBuilder().text("pack", "fvs-tiny").number("guidance", 1.5).pose("target", pose).build();
        CacheKey b = new CacheKeyBuilder().text("pack", "fvs-tiny").number("guidance", 1.5).pose("target", pose).build();
        assertThat(a).isEqualTo(b);
        assertThat(a.hex()).hasSize(64);
    }

    @Test
    void boundariesNamesAndOrderAllCount() {
        CacheKey ab = new CacheKeyBuilder().text("x", "ab").text("y", "c").build();
        CacheKey a = new CacheKeyBuilder().text("x", "a").text("y", "bc").build();
        CacheKey renamed = new CacheKeyBuilder().text("x", "ab").text("z", "c").build();
        CacheKey swapped = new CacheKeyBuilder().text("y", "c").text("x", "ab").build();
        CacheKey asInteger = new CacheKeyBuilder().integer("steps", 8).build();
        CacheKey asNumber = new CacheKeyBuilder().number("steps", 8).build();
        assertThat(java.util.Set.of(ab, a, renamed, swapped)).hasSize(4);
        assertThat(asInteger).isNotEqualTo(asNumber);
    }

    @Test
    void negativeZeroAndNaNAreCanonical() {
        assertThat(new CacheKeyBuilder().number("v", -0.0).build()).isEqualTo(new CacheKeyBuilder().number("v", 0.0).build());
        assertThat(new CacheKeyBuilder().number("v", Double.NaN).build())
                .isEqualTo(new CacheKeyBuilder().number("v", Double.longBitsToDouble(0x7ff8_0000_0000_0001L)).build());
    }

    @Test
    void aJointMovedByAHundredthOfAPixelChangesTheKey() throws IOException {
        Pose pose = TestPoses.load("pose2sim_cam03_0030.json");
        Keypoint wrist = pose.people().get(0).get(4);
        Pose moved = pose.withPerson(0, pose.people().get(0).with(4, wrist.withPosition(wrist.x() + 0.01, wrist.y())));
        assertThat(new CacheKeyBuilder().pose("p", pose).build()).isNotEqualTo(new CacheKeyBuilder().pose("p", moved).build());
    }

    @Test
    void whereAMissingJointLiesDoesNotCount() throws IOException {
        Pose pose = TestPoses.load("pose2sim_cam03_0030.json");
        int missing = -1;
        for (int k = 0; k < PersonPose.KEYPOINT_COUNT && missing < 0; k++) {
            missing = pose.people().get(0).confidence(k) == 0 ? k : -1;
        }
        assertThat(missing).isNotNegative();
        Keypoint hidden = pose.people().get(0).get(missing);
        Pose elsewhere = pose.withPerson(0, pose.people().get(0).with(missing, hidden.withPosition(123.4, 56.7)));
        Pose shown = pose.withPerson(0, pose.people().get(0).with(missing, new Keypoint(123.4, 56.7, 0.9)));
        CacheKey key = new CacheKeyBuilder().pose("p", pose).build();
        assertThat(new CacheKeyBuilder().pose("p", elsewhere).build()).isEqualTo(key);
        assertThat(new CacheKeyBuilder().pose("p", shown).build()).isNotEqualTo(key);
    }

    @Test
    void hashesFilesLikeTheirBytes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "abc");
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(CacheKeyBuilder.sha256Hex(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CacheKeyBuilder.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(CacheKeyBuilder.sha256Hex(file));
    }
}
