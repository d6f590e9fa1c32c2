package org.fvstudio.ui.extraction;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

import org.fvstudio.inference.dwpose.OneEuroSettings;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;

/** The controls of the "Extract poses from video" dialog: frame stride, One Euro smoothing, largest person only. */
public final class VideoOptionsForm extends GridPane {

    public static final int MAX_STRIDE = 1000;

    private final Spinner<Integer> stride = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MAX_STRIDE, 1));
    private final CheckBox smoothing = new CheckBox("Smooth joints over time (One Euro filter, against jitter)");
    private final CheckBox largestOnly = new CheckBox("Largest person only");
    private final Label problem = new Label();
    private final BooleanBinding valid;

    public VideoOptionsForm() {
        setId("videoOptionsForm");
        setHgap(10);
        setVgap(8);
        setPadding(new Insets(12));
        // The spinner commits its text on focus loss; text that is no stride keeps the last good value.
        stride.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                return parseStride(text).orElse(stride.getValue());
            }
        });
        stride.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && parseStride(stride.getEditor().getText()).isEmpty()) {
                stride.getEditor().setText(String.valueOf(stride.getValue()));
            }
        });
        stride.setId("videoStride");
        stride.setEditable(true);
        stride.setPrefWidth(100);
        stride.setTooltip(new Tooltip("Extract frames 0, s, 2s, …; the frames between are interpolated"));
        smoothing.setId("videoSmoothing");
        smoothing.setSelected(true);
        largestOnly.setId("videoLargestOnly");
        largestOnly.setSelected(true);
        largestOnly.setTooltip(new Tooltip("People are matched across frames by size, so several people may swap tracks"));
        problem.setId("videoOptionsProblem");
        problem.getStyleClass().add("problem");

        TextField editor = stride.getEditor();
        valid = Bindings.createBooleanBinding(() -> parseStride(editor.getText()).isPresent(), editor.textProperty());
        problem.textProperty().bind(Bindings.when(valid).then("")
                .otherwise("Frame stride must be a whole number from 1 to " + MAX_STRIDE));

        add(new Label("Frame stride"), 0, 0);
        add(stride, 1, 0);
        add(smoothing, 0, 1, 2, 1);
        add(largestOnly, 0, 2, 2, 1);
        add(new Label("Keys land on the project frame at the same time as their video frame."), 0, 3, 2, 1);
        add(problem, 0, 4, 2, 1);
    }

    /** Whether the typed values make options. */
    public BooleanBinding validProperty() {
        return valid;
    }

    public Spinner<Integer> strideSpinner() {
        return stride;
    }

    public CheckBox smoothingBox() {
        return smoothing;
    }

    public CheckBox largestOnlyBox() {
        return largestOnly;
    }

    /** The options as typed (the stride from the editor's text, committed or not); empty while invalid. */
    public Optional<VideoExtractionOptions> options() {
        return parseStride(stride.getEditor().getText()).map(s -> new VideoExtractionOptions(s,
                smoothing.isSelected() ? OneEuroSettings.forPixels() : null, largestOnly.isSelected()));
    }

    static Optional<Integer> parseStride(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= MAX_STRIDE ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
