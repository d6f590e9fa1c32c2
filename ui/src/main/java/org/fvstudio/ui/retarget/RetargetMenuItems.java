package org.fvstudio.ui.retarget;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

import org.fvstudio.ui.studio.StudioViewModel;

/** The Pose menu's retarget items: retarget (needs a target track) and restore (needs a retargeted one). */
public final class RetargetMenuItems {

    private RetargetMenuItems() {
    }

    public static List<MenuItem> of(StudioViewModel studio, Window owner) {
        RetargetMotion action = new RetargetMotion(studio);
        MenuItem retarget = new MenuItem("Retarget motion to the character…");
        retarget.setId("menuRetarget");
        retarget.setOnAction(e -> RetargetDialog.ask(owner, RetargetMotion.startingOptions(studio.project()),
                studio.project().retarget() != null).ifPresent(action::retarget));
        retarget.disableProperty().bind(Bindings.createBooleanBinding(() -> studio.project().target().isEmpty(),
                studio.document().projectProperty()));
        MenuItem restore = new MenuItem("Restore the original motion");
        restore.setId("menuRestoreMotion");
        restore.setOnAction(e -> action.restoreOriginal());
        restore.disableProperty().bind(Bindings.createBooleanBinding(() -> studio.project().retarget() == null,
                studio.document().projectProperty()));
        return List.of(new SeparatorMenuItem(), retarget, restore);
    }
}
