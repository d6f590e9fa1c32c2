package org.fvstudio.ui.generation;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import org.fvstudio.input.InputLimits;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.edit.Edit;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;
import org.fvstudio.ui.icons.Icons;

/**
 * The Generate tab: pack (what it is for, its resolution and limits, its model card), device (requested and actually running), steps, guidance,
 * seed with randomise and lock, token budget K, references used, frame range with the frame count and estimated
 * time of a Generate; Generate, Cancel, the queue and Clear cache. Every settings change is an edit of {@code Project.generation}.
 */
public final class GenerationPanel extends VBox {

    private final StudioViewModel studio;
    private final GenerationWorkspace generation;
    private final ComboBox<String> pack = new ComboBox<>();
    private final ChoiceBox<String> device = new ChoiceBox<>();
    private final Label runningDevice = new Label();
    private final Spinner<Integer> steps = new Spinner<>(1, 1000, 8);
    private final Spinner<Double> guidance = new Spinner<>(0.0, 50.0, 1.0, 0.5);
    private final TextField seed = new TextField();
    private final CheckBox seedLock = new CheckBox("Lock seed");
    private final Spinner<Integer> tokenBudget = new Spinner<>(0, InputLimits.TOKEN_BUDGET_MAX, 0, 8);
    private final VBox references = new VBox(2);
    private final ChoiceBox<FrameRange> range = new ChoiceBox<>();
    private final ListView<GenerationRequest> queue = new ListView<>();
    private final Label packTitle = new Label();
    private final Label packPurpose = new Label();
    private final Label packLimits = new Label();
    private final Hyperlink modelCard = new Hyperlink("Model card…");
    private PackSummary shownPack;
    private String packRequested;
    private ModelCardWindow cardWindow;
    private boolean updating;

    public GenerationPanel(GenerationWorkspace generation) {
        this.generation = generation;
        this.studio = generation.studio();
        setId("generationPanel");
        setSpacing(6);
        setPadding(new Insets(4, 0, 4, 0));

        pack.setId("packChoice");
        pack.setMaxWidth(Double.MAX_VALUE);
        pack.setOnAction(e -> {
            String chosen = pack.getValue();
            if (!updating && chosen != null && !chosen.equals(studio.project().generation().packId())) {
                edit(GenerationEdits.pack(studio.project(), chosen));
            }
        });
        Button packFolder = new Button("Folder…");
        packFolder.setId("packFolderButton");
        packFolder.setOnAction(e -> choosePackFolder());

        device.setId("deviceChoice");
        device.getItems().setAll("auto", "cpu", "cuda");
        device.setOnAction(e -> {
            if (!updating && device.getValue() != null) {
                edit(GenerationEdits.device(studio.project(), device.getValue()));
            }
        });
        runningDevice.setId("runningDeviceLabel");
        runningDevice.textProperty().bind(Bindings.concat("running on: ", generation.service().deviceProperty()));
        runningDevice.setWrapText(true);

        steps.setId("stepsSpinner");
        guidance.setId("guidanceSpinner");
        tokenBudget.setId("tokenBudgetSpinner");
        tokenBudget.setTooltip(new Tooltip("K, reference tokens kept per feature bank (0 = the pack's default)"));
        for (Spinner<?> spinner : new Spinner<?>[] {steps, guidance, tokenBudget}) {
            spinner.setEditable(true);
            spinner.setPrefWidth(100);
            // A spinner held down is one gesture, so one undo step.
            spinner.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> studio.document().history().beginGesture());
            spinner.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> studio.document().history().endGesture());
        }
        steps.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                edit(GenerationEdits.steps(studio.project(), now));
            }
        });
        guidance.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                edit(GenerationEdits.guidance(studio.project(), now));
            }
        });
        tokenBudget.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                edit(GenerationEdits.tokenBudget(studio.project(), now));
            }
        });

        seed.setId("seedField");
        seed.setPrefColumnCount(9);
        seed.setOnAction(e -> commitSeed());
        seed.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitSeed();
            }
        });
        Button randomise = new Button(null, Icons.randomSeed());
        randomise.setId("randomSeedButton");
        randomise.setTooltip(new Tooltip("Draw a random seed"));
        randomise.setOnAction(e -> edit(GenerationEdits.seed(studio.project(), ThreadLocalRandom.current().nextLong(0, 1L << 32))));
        seedLock.setId("seedLockCheck");
        seedLock.setTooltip(new Tooltip("Unlocked: every Generate draws a new seed"));
        seedLock.selectedProperty().bindBidirectional(generation.seedLockedProperty());

        range.setId("frameRangeChoice");
        range.getItems().setAll(FrameRange.values());
        range.valueProperty().bindBidirectional(generation.rangeProperty());

        VBox packInfo = packInfo();

        Label planLabel = new Label();
        planLabel.setId("generatePlan");
        planLabel.setWrapText(true);
        planLabel.textProperty().bind(Bindings.createStringBinding(() -> generation.planProperty().get().describe(),
                generation.planProperty()));

        Button generate = new Button("Generate");
        generate.setId("generateButton");
        generate.setDefaultButton(false);
        generate.setOnAction(e -> generation.generate());
        generate.setTooltip(new Tooltip(StudioShortcut.GENERATE.withKeys("Queue the frames counted above")));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelGenerationButton");
        cancel.disableProperty().bind(generation.service().runningProperty().isNull());
        cancel.setOnAction(e -> generation.service().cancelRunning());
        Button clearCache = new Button("Clear cache");
        clearCache.setId("clearCacheButton");
        clearCache.setTooltip(new Tooltip("Delete every stored result of this project (cache/ in the bundle)"));
        clearCache.setOnAction(e -> generation.clearCache());
        HBox actions = new HBox(6, generate, cancel, clearCache);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label runningLabel = new Label();
        runningLabel.setId("runningRequestLabel");
        runningLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            GenerationRequest r = generation.service().runningProperty().get();
            return r == null ? "Nothing running" : "Running " + r.describe();
        }, generation.service().runningProperty()));
        runningLabel.setWrapText(true);

        // What to generate and Generate first, so they stay in view however long the pack's description is.
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // a narrow inspector must not shrink the labels to "..."
        grid.getColumnConstraints().add(labels);
        grid.addRow(0, new Label("Frames"), range);
        grid.add(planLabel, 1, 1);
        grid.add(actions, 0, 2, 2, 1);
        grid.add(runningLabel, 0, 3, 2, 1);
        grid.add(new Separator(), 0, 4, 2, 1);
        grid.addRow(5, new Label("Pack"), new HBox(4, pack, packFolder));
        grid.add(packInfo, 0, 6, 2, 1);
        grid.addRow(7, new Label("Device"), device);
        grid.add(runningDevice, 1, 8);
        grid.addRow(9, new Label("Steps"), steps);
        grid.addRow(10, new Label("Guidance"), guidance);
        grid.addRow(11, new Label("Seed"), new HBox(4, seed, randomise));
        grid.add(seedLock, 1, 12);
        grid.addRow(13, new Label("Token budget K"), tokenBudget);

        queue.setId("generationQueue");
        queue.setPrefHeight(72);
        queue.setItems(generation.service().queue());
        queue.setPlaceholder(new Label("Queue empty"));
        queue.setCellFactory(list -> new QueueCell());

        getChildren().setAll(grid, new Label("References used"), references, new Label("Waiting"), queue);
        studio.document().projectProperty().addListener((obs, old, now) -> show(now));
        show(studio.project());
    }

    private void show(Project project) {
        updating = true;
        try {
            GenerationSettings s = project.generation();
            List<String> packs = new ArrayList<>(PackResolver.offeredIds(studio.document().bundleFolder()));
            if (!packs.contains(s.packId())) {
                packs.add(s.packId());
            }
            if (!pack.getItems().equals(packs)) {
                pack.getItems().setAll(packs);
            }
            pack.setValue(s.packId());
            describePack(s.packId());
            device.setValue(s.device());
            steps.getValueFactory().setValue(s.steps());
            guidance.getValueFactory().setValue(s.guidance());
            tokenBudget.getValueFactory().setValue(s.tokenBudget());
            if (!seed.isFocused()) {
                seed.setText(Long.toString(s.seed()));
            }
            showReferences(project);
        } finally {
            updating = false;
        }
    }

    /** Under the pack: its name and resolution, what it is for, its limits, and its model card one click away. */
    private VBox packInfo() {
        packTitle.setId("packTitle");
        packTitle.setWrapText(true);
        packTitle.getStyleClass().add("pack-title");
        packPurpose.setId("packPurpose");
        packPurpose.setWrapText(true);
        packLimits.setId("packLimits");
        packLimits.setWrapText(true);
        packLimits.getStyleClass().add("pack-limits");
        modelCard.setId("modelCardLink");
        modelCard.setDisable(true);
        modelCard.setOnAction(e -> showModelCard());
        VBox box = new VBox(2, packTitle, packPurpose, packLimits, modelCard);
        box.setId("packSummary");
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    /** Reads the chosen pack's summary in the background; only the latest choice is shown. */
    private void describePack(String packId) {
        if (packId.equals(packRequested)) {
            return;
        }
        packRequested = packId;
        packTitle.setText(packId);
        packPurpose.setText("Reading the pack…");
        packLimits.setText("");
        modelCard.setDisable(true);
        java.nio.file.Path bundle = studio.document().bundleFolder();
        studio.tasks().submit("Reading model pack " + packId, ctx -> PackSummary.read(packId, bundle), outcome -> {
            if (!packId.equals(packRequested)) {
                return;
            }
            if (outcome instanceof Outcome.Success<PackSummary> success) {
                showPack(success.value());
            } else {
                shownPack = null;
                packPurpose.setText(outcome instanceof Outcome.Failure<PackSummary> failure ? failure.message()
                        : "Pack not read");
            }
        });
    }

    private void showPack(PackSummary summary) {
        shownPack = summary;
        packTitle.setText(summary.title());
        packPurpose.setText(summary.purpose().isEmpty() ? "The model card does not say what this pack is for."
                : "For: " + summary.purpose());
        packLimits.setText(summary.limits().isEmpty() ? "" : "Limits: " + summary.limits());
        packLimits.setVisible(!summary.limits().isEmpty());
        packLimits.setManaged(!summary.limits().isEmpty());
        modelCard.setDisable(summary.modelCard().isEmpty());
        modelCard.setText(summary.modelCard().isEmpty() ? "No model card in this pack" : "Model card…");
    }

    private void showModelCard() {
        PackSummary summary = shownPack;
        if (summary == null || summary.modelCard().isEmpty()) {
            return;
        }
        studio.tasks().submit("Reading the model card of " + summary.name(), ctx -> summary.cardText(), outcome -> {
            if (outcome instanceof Outcome.Success<String> text) {
                if (cardWindow == null) {
                    cardWindow = new ModelCardWindow(getScene() == null ? null : getScene().getWindow());
                }
                cardWindow.show(summary, text.value());
            } else {
                studio.reportProblem("Cannot show the model card", outcome instanceof Outcome.Failure<String> failure
                        ? failure.message() : "cancelled");
            }
        });
    }

    private void showReferences(Project project) {
        List<String> used = project.generation().referencesUsed();
        references.getChildren().clear();
        for (ReferenceShot shot : project.enabledReferences()) {
            CheckBox box = new CheckBox(shot.name());
            box.setId("useReference-" + shot.id());
            box.setMnemonicParsing(false); // "grace_hopper" is a name, not a mnemonic
            box.setWrapText(true);
            box.setSelected(used.isEmpty() || used.contains(shot.id()));
            box.selectedProperty().addListener((obs, old, now) -> toggleReference(shot.id(), now));
            references.getChildren().add(box);
        }
        if (references.getChildren().isEmpty()) {
            Label none = new Label("No enabled reference: import or enable one in the reference bin.");
            none.setWrapText(true);
            none.getStyleClass().add("empty-zone");
            references.getChildren().add(none);
        }
    }

    private void toggleReference(String id, boolean use) {
        if (updating) {
            return;
        }
        Project project = studio.project();
        List<String> enabled = project.enabledReferences().stream().map(ReferenceShot::id).toList();
        List<String> used = new ArrayList<>(project.generation().referencesUsed().isEmpty() ? enabled
                : project.generation().referencesUsed());
        used.remove(id);
        if (use) {
            used.add(id);
        }
        List<String> ordered = enabled.stream().filter(used::contains).toList();
        if (ordered.isEmpty()) {
            studio.reportProblem("Cannot choose references", "generation needs at least one reference");
            show(project);
            return;
        }
        edit(GenerationEdits.referencesUsed(project, ordered.size() == enabled.size() ? List.of() : ordered));
    }

    private void commitSeed() {
        if (updating) {
            return;
        }
        String text = seed.getText().strip();
        try {
            long value = Long.parseLong(text);
            if (value != studio.project().generation().seed()) {
                edit(GenerationEdits.seed(studio.project(), value));
            }
        } catch (NumberFormatException e) {
            studio.reportProblem("Cannot set seed", "'" + text + "' is not a whole number");
            seed.setText(Long.toString(studio.project().generation().seed()));
        }
    }

    private void choosePackFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model pack folder (with pack.json)");
        File folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (folder == null) {
            return;
        }
        if (!new File(folder, "pack.json").isFile()) {
            studio.reportProblem("Cannot use " + folder.getName(), folder + " has no pack.json: not a model pack folder");
            return;
        }
        edit(GenerationEdits.pack(studio.project(), folder.getAbsolutePath()));
    }

    private void edit(Edit edit) {
        if (!studio.edit(edit)) {
            show(studio.project());
        }
    }

    private final class QueueCell extends ListCell<GenerationRequest> {
        @Override
        protected void updateItem(GenerationRequest item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(item.describe());
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button remove = new Button("✕");
            remove.getStyleClass().add("queue-remove");
            remove.setTooltip(new Tooltip("Remove from the queue"));
            remove.setOnAction(e -> generation.service().remove(item));
            setText(null);
            setGraphic(new HBox(4, text, remove));
        }
    }

}
