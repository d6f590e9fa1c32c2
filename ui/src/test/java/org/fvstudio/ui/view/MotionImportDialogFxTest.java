package org.fvstudio.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Import motion's orbit dialog offers the camera reset only where there is a camera to reset. */
@ExtendWith(ApplicationExtension.class)
class MotionImportDialogFxTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theResetIsOfferedTickedAndCanBeDeclined(FxRobot robot) throws Exception {
        AtomicReference<Optional<MotionImportDialog.ImportChoice>> answer = open(true);
        CheckBox reset = robot.lookup("#motionResetCamera").queryAs(CheckBox.class);
        assertThat(reset.isSelected()).isTrue();
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText())
                .contains("Yaw 0 looks at the performer's front", "frame count becomes the motion's length");
        ok(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).hasValueSatisfying(choice -> assertThat(choice.resetCamera()).isTrue());

        AtomicReference<Optional<MotionImportDialog.ImportChoice>> declined = open(true);
        robot.clickOn("#motionResetCamera");
        ok(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> declined.get() != null);
        assertThat(declined.get()).hasValueSatisfying(choice -> {
            assertThat(choice.resetCamera()).isFalse();
            assertThat(choice.orbit().startYaw()).isZero();
        });
    }

    @Test
    void withoutACameraThereIsNothingToOffer(FxRobot robot) throws Exception {
        AtomicReference<Optional<MotionImportDialog.ImportChoice>> answer = open(false);
        assertThat(robot.lookup("#motionResetCamera").tryQuery()).isEmpty();
        ok(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).hasValueSatisfying(choice -> assertThat(choice.resetCamera()).isFalse());
    }

    private AtomicReference<Optional<MotionImportDialog.ImportChoice>> open(boolean offerReset) throws Exception {
        AtomicReference<Optional<MotionImportDialog.ImportChoice>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(MotionImportDialog.askImport(owner, Path.of("walk.bvh"), offerReset)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !new FxRobot().lookup(".dialog-pane").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private static void ok(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        robot.interact(ok::fire);
    }
}
