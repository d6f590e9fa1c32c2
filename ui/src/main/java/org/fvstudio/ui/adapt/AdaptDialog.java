package org.fvstudio.ui.adapt;

import java.util.List;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import org.fvstudio.inference.adapt.AdaptationBudget;

/** Generate ▸ Adapt pack to this character…: the base pack, the budget (minutes or steps), the driving video. */
public final class AdaptDialog extends Dialog<AdaptChoice> {

    static final int DEFAULT_MINUTES = 20;
    static final int DEFAULT_STEPS = 1000;

    private final ComboBox<String> base = new ComboBox<>();
    private final ChoiceBox<String> unit = new ChoiceBox<>();
    private final Spinner<Integer> amount = new Spinner<>();
    private final CheckBox driving = new CheckBox("Also learn from the driving video's frames and skeletons");

    public AdaptDialog(Window owner, List<String> packs, String currentPack, boolean hasDrivingVideo, String torch,
                       int referenceShots) {
        initOwner(owner);
        setTitle("Adapt pack to this character");
        setHeaderText("Fine-tune a pack on this project's " + referenceShots + " reference shots. The new pack is "
                + "written inside the project (packs/) and used for generating.");
        base.setId("adaptBasePack");
        base.getItems().setAll(packs);
        base.setValue(packs.contains(currentPack) ? currentPack : packs.isEmpty() ? null : packs.get(0));
        unit.setId("adaptBudgetUnit");
        unit.getItems().setAll("minutes", "steps");
        unit.setValue("minutes");
        amount.setId("adaptBudget");
        amount.setEditable(true);
        amount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 600, DEFAULT_MINUTES));
        unit.valueProperty().addListener((obs, old, now) -> amount.setValueFactory("steps".equals(now)
                ? new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, DEFAULT_STEPS, 100)
                : new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 600, DEFAULT_MINUTES)));
        driving.setId("adaptDrivingVideo");
        driving.setDisable(!hasDrivingVideo);
        driving.setSelected(hasDrivingVideo);
        Label device = new Label(torch);
        device.setId("adaptTorch");
        device.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Base pack"), base);
        grid.addRow(1, new Label("Train for"), new HBox(4, amount, unit));
        grid.add(driving, 1, 2);
        grid.addRow(3, new Label("Runs with"), device);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(base.valueProperty().isNull());
        setResultConverter(button -> button == ButtonType.OK ? choice() : null);
    }

    AdaptChoice choice() {
        int value = amount.getValue();
        AdaptationBudget budget = "steps".equals(unit.getValue()) ? AdaptationBudget.ofSteps(value)
                : AdaptationBudget.ofMinutes(value);
        return new AdaptChoice(base.getValue(), budget, driving.isSelected() && !driving.isDisabled());
    }
}
