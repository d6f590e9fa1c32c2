package org.fvstudio.ui.retarget;

import org.fvstudio.project.Project;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.retarget.MotionRetarget;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;

/**
 * Pose ▸ Retarget motion to the character…: computed in the background on a snapshot, applied as one undoable edit
 * (the original motion stays in the project, so the retarget can be redone with other options), and Pose ▸ Restore
 * the original motion, also one edit. A retarget that cannot be made says why and leaves the project as it was.
 */
public final class RetargetMotion {

    private final StudioViewModel studio;

    public RetargetMotion(StudioViewModel studio) {
        this.studio = studio;
    }

    /** The options of the current retarget, else the defaults: what the dialog starts from. */
    public static RetargetOptions startingOptions(Project project) {
        return project.retarget() != null ? project.retarget().options() : RetargetOptions.DEFAULTS;
    }

    public void retarget(RetargetOptions options) {
        Project snapshot = studio.project();
        studio.tasks().submit("Retargeting the motion to the character", ctx -> MotionRetarget.retarget(snapshot, options),
                outcome -> {
                    if (outcome instanceof Outcome.Success<MotionRetarget.Result> success) {
                        MotionRetarget.Result result = success.value();
                        Project before = studio.project();
                        if (before != snapshot) {
                            studio.reportProblem("Retarget not applied", "the project changed while the retarget was "
                                    + "computed; retarget again");
                            return;
                        }
                        if (studio.edit(new SnapshotEdit("Retarget motion (" + options.describe() + ")", before,
                                result.project()))) {
                            studio.statusProperty().set("Motion " + result.summary());
                        }
                    } else if (outcome instanceof Outcome.Failure<MotionRetarget.Result> failure) {
                        studio.reportProblem("Cannot retarget the motion", failure.message());
                    }
                });
    }

    /** Brings back the motion as it was before the retarget (one undoable edit). */
    public void restoreOriginal() {
        Project before = studio.project();
        if (before.retarget() == null) {
            studio.statusProperty().set("The motion is not retargeted: nothing to restore");
            return;
        }
        if (studio.edit(new SnapshotEdit("Restore the original motion", before, MotionRetarget.restored(before)))) {
            studio.statusProperty().set("Restored the motion as it was before the retarget");
        }
    }
}
