package org.fvstudio.ui.firstrun;

import java.nio.file.Path;

import org.fvstudio.ui.firstrun.SampleProjectInstaller.SampleUnavailableException;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the studio does once its window is up: open the project asked for on the command line, or
 * else the user's copy of the sample project (made from the bundle on first run), and show the
 * welcome guide unless the user turned it off.
 */
public final class StudioStartup {

    private static final Logger LOG = LoggerFactory.getLogger(StudioStartup.class);

    private StudioStartup() {
    }

    /**
     * @param requested a project named on the command line, or null for the sample project
     */
    public static void begin(StudioViewModel viewModel, StudioPreferences preferences, SampleProjectInstaller sample,
                             FirstRunGuide guide, Path requested) {
        if (requested != null) {
            viewModel.open(requested);
        } else {
            openSample(viewModel, sample);
        }
        if (preferences.current().showGuide()) {
            guide.show();
        }
    }

    /** Copies the bundled sample on first use (in the background) and opens the copy. */
    public static void openSample(StudioViewModel viewModel, SampleProjectInstaller sample) {
        viewModel.tasks().submit("Preparing the sample project", ctx -> {
            try {
                return new SampleLookup(sample.install(), null);
            } catch (SampleUnavailableException e) {
                return new SampleLookup(null, e.getMessage());
            }
        }, outcome -> {
            if (outcome instanceof Outcome.Success<SampleLookup> success) {
                SampleLookup lookup = success.value();
                if (lookup.project() != null) {
                    viewModel.open(lookup.project());
                } else {
                    String message = "No sample project is bundled with this build: " + lookup.unavailable()
                            + "; started with an untitled project";
                    LOG.info(message);
                    viewModel.statusProperty().set(message);
                }
            } else if (outcome instanceof Outcome.Failure<SampleLookup> failure) {
                String message = "Cannot copy the sample project to " + sample.copyLocation() + ": "
                        + failure.message() + "; started with an untitled project";
                LOG.warn(message);
                viewModel.lastProblemProperty().set(message);
                viewModel.statusProperty().set(message);
            }
        });
    }

    private record SampleLookup(Path project, String unavailable) {
    }
}
