package org.fvstudio.ui.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.fvstudio.inference.dwpose.OneEuroSettings;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The options of "Extract poses from video": typed stride, smoothing and largest-person boxes. */
@ExtendWith(ApplicationExtension.class)
class VideoOptionsFormFxTest {

    private VideoOptionsForm form;

    @Start
    void start(Stage stage) {
        form = new VideoOptionsForm();
        stage.setScene(new Scene(form));
        stage.show();
    }

    @Test
    void typedValuesBecomeOptionsAndABadStrideIsRefusedWithAMessage(FxRobot robot) {
        assertThat(fx(form::options)).contains(new VideoExtractionOptions(1, OneEuroSettings.forPixels(), true));

        robot.doubleClickOn("#videoStride").eraseText(3).write("10");
        robot.clickOn("#videoSmoothing");
        robot.clickOn("#videoLargestOnly");
        assertThat(fx(form::options)).contains(new VideoExtractionOptions(10, null, false));
        assertThat(robot.lookup("#videoOptionsProblem").queryLabeled().getText()).isEmpty();

        robot.doubleClickOn("#videoStride").eraseText(3).write("0");
        assertThat(fx(form::options)).isEmpty();
        assertThat(fx(() -> form.validProperty().get())).isFalse();
        assertThat(robot.lookup("#videoOptionsProblem").queryLabeled().getText())
                .isEqualTo("Frame stride must be a whole number from 1 to 1000");

        robot.eraseText(1).write("x");
        assertThat(fx(form::options)).isEmpty();
        // Leaving the field with bad text puts the last committed stride back instead of failing.
        robot.eraseText(1).write("10").type(KeyCode.TAB);
        robot.doubleClickOn("#videoStride").eraseText(3).write("x").type(KeyCode.TAB);
        assertThat(fx(() -> form.strideSpinner().getEditor().getText())).isEqualTo("10");
        assertThat(fx(form::options)).map(VideoExtractionOptions::frameStride).contains(10);
    }
}
