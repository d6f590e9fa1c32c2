package org.fvstudio.ui.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import org.fvstudio.inference.runtime.CancellationToken;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.fvstudio.inference.dwpose.VideoPoseExtractor;
import org.fvstudio.inference.dwpose.VideoPoses;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.input.InputLimits;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.Picture;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.extraction.VideoKeyPlacement.ExtractedTarget;
import org.fvstudio.ui.importing.CanvasFit;
import org.fvstudio.ui.inference.InferenceSettings;

import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Job;
import org.fvstudio.ui.task.JobContext;
import org.fvstudio.ui.task.Outcome;

/**
 * DWPose in the studio: "Detect pose" on a reference image and "Extract poses from video" into the target
 * track. Both run as one background job at a time (never on the FX thread), can be cancelled, and change the
 * project by exactly one undoable edit when they succeed; failure or cancel leaves the project as it was.
 * Methods are called on the FX thread.
 */
public final class PoseExtraction {

    private final StudioViewModel studio;
    private final Supplier<InferenceSettings> settings;
    private final ReadOnlyStringWrapper deviceUsed = new ReadOnlyStringWrapper(this, "deviceUsed", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Task<?> running;

    /** @param settings read when a job starts, so that changed preferences apply to the next run */
    public PoseExtraction(StudioViewModel studio, Supplier<InferenceSettings> settings) {
        this.studio = studio;
        this.settings = settings;
    }

    /** The devices the last successful run used, e.g. "detector CPU, estimator CPU (CPU requested)"; empty before. */
    public ReadOnlyStringProperty deviceUsedProperty() {
        return deviceUsed.getReadOnlyProperty();
    }

    /** Whether a detection or extraction is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Stops the running job; the project stays as it was. */
    public void cancel() {
        if (running != null) {
            // Never interrupt: an interrupt while JavaCPP or ONNX Runtime load their natives (file locks)
            // breaks those classes for the rest of the session. The job sees the flag between frames.
            running.cancel(false);
        }
    }

    public void detectPoseOnSelectedReference() {
        String id = studio.selectedReferenceIdProperty().get();
        if (id == null) {
            studio.reportProblem("Cannot detect pose", "select a reference image in the reference bin first");
            return;
        }
        detectPose(id);
    }

    /** Runs DWPose on the reference's image and makes the result its pose (one undoable edit). */
    public void detectPose(String referenceId) {
        Optional<ReferenceShot> found = studio.project().reference(referenceId);
        if (found.isEmpty()) {
            studio.reportProblem("Cannot detect pose", "no reference with id " + referenceId);
            return;
        }
        if (refuseWhileBusy()) {
            return;
        }
        ReferenceShot reference = found.get();
        Path image = studio.referenceImagePath(reference);
        InferenceSettings inference = settings.get();
        String name = reference.name().isBlank() ? reference.id() : reference.name();
        run("Detecting pose in " + name, ctx -> {
            try (SkeletonDetector extractor = openExtractor(inference, ctx)) {
                ctx.progress(-1, "Detecting pose in " + image.getFileName() + " (" + extractor.name() + ")");
                // A large photo is detected at the working size; the pose lands on the photo's own canvas.
                Picture picture = ImageFiles.readWithin(image, InputLimits.WORKING_MAX_SIDE);
                Pose pose = picture.onSourceCanvas(extractor.detect(picture.image(), false));
                return new Detected(pose, ranOn(extractor));
            }
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Detected> success) {
                applyDetected(referenceId, name, success.value());
            } else {
                report("Cannot detect pose in " + name, "Pose detection in " + name + " cancelled", outcome);
            }
        });
    }

    /** Extracts the poses of {@code video} into the target track (one undoable edit). */
    public void extractFromVideo(Path video, VideoExtractionOptions options) {
        if (refuseWhileBusy()) {
            return;
        }
        InferenceSettings inference = settings.get();
        Project snapshot = studio.project();
        String name = video.getFileName().toString();
        run("Extracting poses from " + name, ctx -> {
            CancellationToken token = new CancellationToken();
            try (SkeletonDetector extractor = openExtractor(inference, ctx)) {
                ctx.progress(0, "Extracting poses from " + name + " (" + extractor.name() + ")");
                if (ctx.isCancelled()) {
                    token.cancel();
                }
                VideoPoses poses = new VideoPoseExtractor(extractor).extract(video, options, (done, total, fraction) -> {
                    if (ctx.isCancelled()) {
                        token.cancel();
                    }
                    ctx.progress(fraction, "Extracting poses from " + name + ": frame " + done
                            + (total > 0 ? "/" + total : ""));
                }, token);
                if (poses.size() == 0) {
                    throw new IOException(video + ": no video frames could be read");
                }
                return new Extracted(poses, place(poses, snapshot), ranOn(extractor),
                        new Canvas(snapshot.fps(), snapshot.canvasWidth(), snapshot.canvasHeight()));
            }
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Extracted> success) {
                applyExtracted(video, success.value());
            } else {
                report("Cannot extract poses from " + name, "Pose extraction from " + name
                        + " cancelled; the target track is unchanged", outcome);
            }
        });
    }

    private static SkeletonDetector openExtractor(InferenceSettings inference, JobContext ctx) throws Exception {
        ctx.progress(-1, "Loading the pose models");
        return inference.openSkeletonDetector();
    }

    /** "DWPose: detector CPU, estimator CPU (CPU requested)": which estimator ran, and where. */
    private static String ranOn(SkeletonDetector extractor) {
        return extractor.name() + ": " + extractor.deviceDescription();
    }

    private static ExtractedTarget place(VideoPoses poses, Project project) {
        return VideoKeyPlacement.place(poses, project.fps(), project.canvasWidth(), project.canvasHeight());
    }

    private void applyDetected(String referenceId, String name, Detected detected) {
        deviceUsed.set(detected.device());
        Optional<ReferenceShot> reference = studio.project().reference(referenceId);
        if (reference.isEmpty()) {
            studio.statusProperty().set("Pose detected, but reference " + name + " was removed meanwhile");
            return;
        }
        if (detected.pose().people().isEmpty()) {
            studio.reportProblem("No pose found", detected.device().replaceFirst(":.*", "") + " found no person in "
                    + reference.get().imageFile()
                    + "; the reference keeps its pose");
            return;
        }
        Pose before = reference.get().pose();
        Pose after = CanvasFit.fit(detected.pose(), before.canvasWidth(), before.canvasHeight());
        if (studio.edit(new DetectedPoseEdit(referenceId, before, after, after.people().size()))) {
            studio.selectedReferenceIdProperty().set(referenceId);
            studio.viewerModeProperty().set(ViewerMode.REFERENCE);
            studio.statusProperty().set("Detected " + people(after.people().size()) + " in " + name
                    + " (" + detected.device() + ")");
        }
    }

    private void applyExtracted(Path video, Extracted extracted) {
        deviceUsed.set(extracted.device());
        Project project = studio.project();
        ExtractedTarget target = extracted.target();
        if (target.track().people().isEmpty()) {
            studio.reportProblem("No pose found", extracted.device().replaceFirst(":.*", "")
                    + " found no person in any of the " + target.videoFrames()
                    + " frames read from " + video + "; the target track is unchanged");
            return;
        }
        if (project.fps() != extracted.placedFor().fps() || project.canvasWidth() != extracted.placedFor().width()
                || project.canvasHeight() != extracted.placedFor().height()) {
            // The frame rate or canvas changed while the job ran: place the keys for the project as it is now.
            target = place(extracted.poses(), project);
        }
        String description = "Extract poses from video (" + target.keys() + " keys)";
        // The video goes in with the track, one undo step: undoing the extraction forgets the video too.
        DrivingVideo drivingVideo = new DrivingVideo(video.toAbsolutePath().normalize(),
                target.videoFps() > 0 && target.videoFps() <= 1000 ? target.videoFps() : 0);
        if (studio.edit(ProjectEdits.replaceTarget(project, target.track(), target.framesNeeded(), description,
                drivingVideo))) {
            studio.viewerModeProperty().set(ViewerMode.TARGET);
            studio.statusProperty().set(summary(video, target, studio.project()) + " (" + extracted.device() + ")");
        }
    }

    private static String summary(Path video, ExtractedTarget target, Project project) {
        StringBuilder text = new StringBuilder("Extracted ").append(people(target.track().people().size()))
                .append(" from ").append(target.videoFrames()).append(" frames of ").append(video.getFileName())
                .append(" as ").append(target.keys()).append(" keys");
        if (target.videoFps() > 0 && Math.abs(target.videoFps() - project.fps()) > 1e-6) {
            text.append(", retimed from ").append(fps(target.videoFps())).append(" to ").append(fps(project.fps()))
                    .append(" fps");
        }
        if (target.sourceWidth() != project.canvasWidth() || target.sourceHeight() != project.canvasHeight()) {
            text.append(", fitted from ").append(target.sourceWidth()).append('x').append(target.sourceHeight())
                    .append(" to the ").append(project.canvasWidth()).append('x').append(project.canvasHeight())
                    .append(" canvas");
        }
        return text.toString();
    }

    private static String fps(double rate) {
        return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(rate);
    }

    private static String people(int count) {
        return count + (count == 1 ? " person" : " people");
    }

    private boolean refuseWhileBusy() {
        if (running != null) {
            studio.statusProperty().set("A pose extraction is already running; cancel it first");
            return true;
        }
        return false;
    }

    /**
     * Runs {@code job} in the background. The studio counts as busy until the worker has really stopped, which
     * after a cancel can be up to one frame after the (at once delivered) cancelled outcome.
     */
    private <T> void run(String title, Job<T> job, Consumer<Outcome<T>> onDone) {
        AtomicBoolean started = new AtomicBoolean();
        busy.set(true);
        running = studio.tasks().submit(title, ctx -> {
            if (!started.compareAndSet(false, true)) {
                return null;
            }
            try {
                return job.run(ctx);
            } finally {
                BackgroundTasks.onFxThread(this::finished);
            }
        }, outcome -> {
            if (outcome instanceof Outcome.Cancelled<T> && started.compareAndSet(false, true)) {
                // Cancelled while still queued: no worker will report its end.
                finished();
            }
            onDone.accept(outcome);
        });
    }

    private void finished() {
        running = null;
        busy.set(false);
    }

    private void report(String title, String cancelled, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Failure<?> failure) {
            studio.reportProblem(title, failure.message());
        } else {
            studio.statusProperty().set(cancelled);
        }
    }

    private record Detected(Pose pose, String device) {
    }

    private record Canvas(double fps, int width, int height) {
    }

    private record Extracted(VideoPoses poses, ExtractedTarget target, String device, Canvas placedFor) {
    }
}
