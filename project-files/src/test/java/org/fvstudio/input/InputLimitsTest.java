package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void subsamplingBringsTheLongSideWithinTheLimit() {
        assertThat(InputLimits.subsampling(512, 512, 2048)).isEqualTo(1);
        assertThat(InputLimits.subsampling(2048, 100, 2048)).isEqualTo(1);
        assertThat(InputLimits.subsampling(2049, 100, 2048)).isEqualTo(2);
        assertThat(InputLimits.subsampling(8000, 6000, 2048)).isEqualTo(4);
        assertThat(InputLimits.subsampling(6000, 8000, 2048)).isEqualTo(4);
        for (int side = 1; side < 20000; side += 997) {
            int s = InputLimits.subsampling(side, 1, 2048);
            assertThat((side + s - 1) / s).as("decoded side of %d", side).isLessThanOrEqualTo(2048);
        }
    }

    @Test
    void aCameraPhotoIsWithinThePictureLimitsAndABombIsNot() {
        assertThatCode(() -> InputLimits.checkImageSize("camera.jpg", 8000, 6000)).doesNotThrowAnyException();
        assertThatCode(() -> InputLimits.checkImageSize("pano.jpg", 16384, 6000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputLimits.checkImageSize("pano.jpg", 16385, 100)).isInstanceOf(InputTooLargeException.class);
        assertThatThrownBy(() -> InputLimits.checkImageSize("square.png", 10001, 10000))
                .hasMessageContaining("100 megapixels");
        assertThatThrownBy(() -> InputLimits.checkImageSize("none.png", 0, 10))
                .hasMessage("none.png: declares 0x10 pixels, an impossible size for a picture");
    }

    @Test
    void fourKAndEightKVideosAreWithinTheVideoLimits() {
        assertThatCode(() -> InputLimits.checkVideoSize("uhd.mp4", 3840, 2160)).doesNotThrowAnyException();
        assertThatCode(() -> InputLimits.checkVideoSize("8k.mp4", 8192, 4320)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputLimits.checkVideoSize("square.mp4", 8192, 8192))
                .hasMessage("square.mp4: declares 8192x8192 pixels (67.1 megapixels), more than the 8192 px a side and"
                        + " 35.4 megapixels FV Studio reads for a video frame");
    }

    @Test
    void sizesAreSaidAsFileManagersSayThem() {
        assertThat(InputLimits.bytes(300)).isEqualTo("300 bytes");
        assertThat(InputLimits.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(InputLimits.bytes(128L << 20)).isEqualTo("128 MB");
        assertThat(InputLimits.bytes((3L << 20) / 2)).isEqualTo("1.5 MB");
    }
}
