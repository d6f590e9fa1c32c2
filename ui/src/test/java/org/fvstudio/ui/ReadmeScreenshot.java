package org.fvstudio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;

import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.studio.FxTestSupport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;

/**
 * Makes the README screenshot: the real window on a real display (run under xvfb-run), a project
 * built from the test data the way a user would, captured with a JavaFX snapshot.
 * Usage: java -cp ... org.fvstudio.ui.ReadmeScreenshot OUTPUT.png
 */
public final class ReadmeScreenshot {

    private static Path output;

    public static void main(String[] args) {
        output = Path.of(args[0]).toAbsolutePath();
        Application.launch(App.class, args);
    }

    /** Separate from the main class: a main class extending Application needs JavaFX as modules. */
    public static final class App extends Application {

    @Override
    public void start(Stage stage) throws IOException {
        Path work = Files.createTempDirectory("fvstudio-shot");
        Path images = work.resolve("images");
        Path astronaut = FxTestSupport.copyResource("images/astronaut.png", images);
        Path frame = FxTestSupport.copyResource("images/pose2sim_cam03_frame30.jpg", images);
        BackgroundTasks tasks = new BackgroundTasks();
        StudioViewModel viewModel = StudioFixture.viewModel(tasks, work, new ScriptedDialogs());
        StudioWindow window = StudioFixture.window(stage, viewModel);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        viewModel.renameProject("Walk");
        viewModel.importReferenceFiles(List.of(astronaut, frame));
        viewModel.importPoseSequence(List.of(FxTestSupport.cam03Folder()));
        new Thread(() -> {
            try {
                Thread.sleep(4000);
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> {
                    var refs = viewModel.project().references();
                    viewModel.setReferenceScale(refs.get(0).id(), ShotScale.CLOSE_UP);
                    viewModel.setReferenceScale(refs.get(1).id(), ShotScale.WIDE);
                    viewModel.renameReference(refs.get(1).id(), "Full body");
                    viewModel.selectedReferenceIdProperty().set(refs.get(1).id());
                    viewModel.currentFrameProperty().set(40);
                    PauseTransition pause = new PauseTransition(Duration.seconds(1.5));
                    pause.setOnFinished(e -> {
                        WritableImage shot = window.stage().getScene().snapshot(null);
                        try {
                            Files.createDirectories(output.getParent());
                            ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", output.toFile());
                        } catch (IOException ex) {
                            ex.printStackTrace();
                        }
                        done.countDown();
                    });
                    pause.play();
                });
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tasks.close();
            Platform.exit();
        }).start();
    }
    }
}
