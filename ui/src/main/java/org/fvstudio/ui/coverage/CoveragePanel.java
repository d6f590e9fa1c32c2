package org.fvstudio.ui.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.fvstudio.coverage.CoverageAdvice;
import org.fvstudio.coverage.CoverageAdvisor;
import org.fvstudio.coverage.CoverageReport;
import org.fvstudio.coverage.FeedMatrix;
import org.fvstudio.coverage.FrameEvidence;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.generation.GeneratedFrame;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;

/**
 * Beside the heatmaps: who fed what (this frame, or the whole shot's generated frames) and the coverage advice,
 * each advice a click away from its frames. Advice and the shot's matrix are recomputed in the background a moment
 * after the project or the results change; the frame's matrix is read when the playhead moves.
 */
public final class CoveragePanel extends VBox {

    private static final Duration SETTLE = Duration.millis(400);

    private final StudioViewModel studio;
    private final GenerationWorkspace generation;
    private final ToggleButton thisFrame = new ToggleButton("This frame");
    private final ToggleButton wholeShot = new ToggleButton("Whole shot");
    private final FeedMatrixView matrix = new FeedMatrixView();
    private final ScrollPane matrixScroll = new ScrollPane(matrix);
    private final Label matrixNote = new Label();
    private final ListView<CoverageAdvice> advice = new ListView<>();
    private final Label adviceNote = new Label();
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private CoverageReport report;

    public CoveragePanel(StudioViewModel studio, GenerationWorkspace generation) {
        this.studio = studio;
        this.generation = generation;
        setId("coveragePanel");
        setSpacing(6);
        setPadding(new Insets(6));
        ToggleGroup scope = new ToggleGroup();
        thisFrame.setToggleGroup(scope);
        wholeShot.setToggleGroup(scope);
        thisFrame.setId("feedThisFrame");
        wholeShot.setId("feedWholeShot");
        thisFrame.setSelected(true);
        scope.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                showMatrix();
            }
        });
        matrixNote.setId("feedNote");
        wrap(matrixNote);
        advice.setId("coverageAdvice");
        advice.setPlaceholder(new Label("No shot to add"));
        advice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CoverageAdvice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        advice.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                jumpTo(now);
            }
        });
        adviceNote.setId("coverageNote");
        wrap(adviceNote);
        VBox.setVgrow(advice, Priority.ALWAYS);
        matrixScroll.setFitToHeight(true);
        matrixScroll.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().setAll(new Label("Who feeds what"), new HBox(6, thisFrame, wholeShot), matrixScroll, matrixNote,
                new Label("Coverage advice"), adviceNote, advice);
        setMinWidth(0);

        settle.setOnFinished(e -> recompute());
        studio.document().projectProperty().addListener((obs, old, now) -> settle.playFromStart());
        generation.results().changesProperty().addListener((obs, old, now) -> settle.playFromStart());
        studio.currentFrameProperty().addListener((obs, old, now) -> showMatrix());
        recompute();
    }

    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** The latest report (null until the first one is computed). */
    public CoverageReport report() {
        return report;
    }

    public ListView<CoverageAdvice> adviceList() {
        return advice;
    }

    /** Moves the playhead to the first frame of {@code item}. */
    public void jumpTo(CoverageAdvice item) {
        studio.currentFrameProperty().set(Math.min(item.firstFrame(), studio.project().frameCount() - 1));
        studio.statusProperty().set("Coverage: " + item.frames() + " — add " + item.shotToAdd());
    }

    private void recompute() {
        Project snapshot = studio.project();
        List<GeneratedFrame> frames = new ArrayList<>(generation.results().frames().values());
        studio.tasks().submit("Reading the references' coverage", ctx -> {
            Map<Integer, FrameEvidence> evidence = new HashMap<>();
            for (GeneratedFrame frame : frames) {
                if (frame.frame() < snapshot.frameCount()) {
                    FrameEvidence.of(frame.frame(), frame.references(), frame.selections(), snapshot)
                            .ifPresent(e -> evidence.put(frame.frame(), e));
                }
            }
            return CoverageAdvisor.advise(snapshot, evidence);
        }, outcome -> {
            if (outcome instanceof Outcome.Success<CoverageReport> success) {
                report = success.value();
                advice.getItems().setAll(report.advice());
                adviceNote.setText(report.advice().isEmpty()
                        ? "The enabled references cover every frame."
                        : report.advice().size() + " suggestion" + (report.advice().size() == 1 ? "" : "s")
                                + " from the skeletons" + (report.framesGenerated() > 0
                                ? ", refined by " + report.framesGenerated() + " generated frames" : "")
                                + "; click one to go to its frames.");
                showMatrix();
            } else if (outcome instanceof Outcome.Failure<CoverageReport> failure) {
                adviceNote.setText("Coverage could not be read: " + failure.message());
            }
        });
    }

    private void showMatrix() {
        Optional<FeedMatrix> feed;
        if (wholeShot.isSelected()) {
            feed = report == null ? Optional.empty() : Optional.ofNullable(report.shotFeed());
            matrixNote.setText(feed.isPresent() ? "Mean over the " + report.framesGenerated() + " generated frames."
                    : "No frame generated yet.");
        } else {
            int frame = studio.currentFrameProperty().get();
            feed = generation.results().at(frame).flatMap(g -> FrameEvidence.of(frame, g.references(), g.selections(),
                    studio.project())).map(FrameEvidence::feed);
            matrixNote.setText(feed.isPresent() ? "Frame " + frame + ": share of its selected tokens (finest bank)."
                    : "Frame " + frame + " has not been generated yet.");
        }
        matrixScroll.setVisible(feed.isPresent());
        matrixScroll.setManaged(feed.isPresent());
        feed.ifPresent(f -> matrix.show(f, id -> studio.project().reference(id).map(ReferenceShot::displayName)
                .orElse(id + " (removed)")));
    }
}
