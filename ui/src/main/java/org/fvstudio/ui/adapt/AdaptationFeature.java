package org.fvstudio.ui.adapt;

import java.nio.file.Path;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import org.fvstudio.inference.adapt.PackAdaptation;
import org.fvstudio.project.Project;
import org.fvstudio.ui.generation.PackResolver;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;
import org.fvstudio.ui.view.StudioWindow;

/**
 * Generate ▸ Adapt pack to this character…: looks for PyTorch (in the background; when it is missing the studio
 * says what is missing and how to install it, and everything else works as before), asks for the base pack and the
 * budget, then runs the adaptation with a progress window.
 */
public final class AdaptationFeature {

    public static final String MENU_TEXT = "Adapt pack to this character…";

    private final StudioWindow window;
    private final PackAdaptationRunner runner;

    private AdaptationFeature(StudioWindow window) {
        this.window = window;
        this.runner = new PackAdaptationRunner(window.viewModel());
    }

    public static AdaptationFeature install(StudioWindow window) {
        AdaptationFeature feature = new AdaptationFeature(window);
        MenuItem adapt = new MenuItem(MENU_TEXT);
        adapt.setId("menuAdaptPack");
        adapt.setOnAction(e -> feature.askAndRun());
        adapt.disableProperty().bind(feature.runner.runningProperty());
        Menu generate = window.menuBar().getMenus().stream().filter(m -> "generateMenu".equals(m.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the studio window has no Generate menu"));
        generate.getItems().addAll(new SeparatorMenuItem(), adapt);
        return feature;
    }

    public PackAdaptationRunner runner() {
        return runner;
    }

    /** The menu action: PyTorch check, dialog, run. */
    public void askAndRun() {
        StudioViewModel studio = window.viewModel();
        Path bundle = studio.document().bundleFolder();
        if (bundle == null) {
            studio.dialogs().showProblem("Adapt pack", "Save the project first: the adapted pack is written inside it.");
            return;
        }
        studio.tasks().submit("Looking for PyTorch", ctx -> PackAdaptation.locate(), outcome -> {
            if (outcome instanceof Outcome.Failure<PackAdaptation> failure) {
                studio.dialogs().showProblem("PyTorch is missing", failure.message());
            } else if (outcome instanceof Outcome.Success<PackAdaptation> found) {
                Project project = studio.project();
                long shots = project.enabledReferences().stream().filter(r -> r.hasSkeleton()).count();
                new AdaptDialog(window.stage(), PackResolver.offeredIds(bundle), project.generation().packId(),
                        project.drivingVideo() != null, found.value().torch().describe(), (int) shots)
                        .showAndWait().ifPresent(choice -> {
                            runner.start(found.value(), choice);
                            new AdaptationProgressWindow(window.stage(), runner).show();
                        });
            }
        });
    }
}
