package org.fvstudio.ui.generation;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.fvstudio.cache.CacheException;
import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.RenderCache;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.ui.generation.pictures.FramePicture;
import org.fvstudio.ui.generation.pictures.PictureLoader;
import org.fvstudio.ui.generation.pictures.PictureLru;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.TimelineMarks;
import org.fvstudio.ui.preferences.Preferences;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.ReferenceCommand;
import org.fvstudio.ui.studio.StudioDialogs.ReferenceFix;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generation in the studio: the queue of requests, the results of the open project, and the render cache
 * in its bundle. After every edit the frame keys are recomputed on a background thread; frames whose key
 * changed turn stale, and a key already in the cache (an undo) brings its result back without computing.
 * Cache trouble is reported in the status bar and never stops a generation or a save.
 */
public final class GenerationWorkspace implements AutoCloseable {

    /** Unreferenced cache entries beyond the limit are evicted, least recently used first. */
    public static final long DEFAULT_CACHE_LIMIT_BYTES = Preferences.DEFAULT_CACHE_LIMIT_MB << 20;

    private static final Logger LOG = LoggerFactory.getLogger(GenerationWorkspace.class);

    /** Said when the render cache of the project being opened is already open in another FV Studio or window. */
    public static final String OPEN_ELSEWHERE = "This project is open in another FV Studio: both share its generated "
            + "frames, but whichever saves last overwrites the other's changes";

    private record Snapshot(int number, Project project, Path bundle, Map<Integer, CacheKey> shown) {
    }

    /** What the artist chose for one project and the studio keeps while other projects are open. */
    private record ProjectChoices(FrameRange chosenRange, boolean seedLocked) {
        static final ProjectChoices DEFAULTS = new ProjectChoices(null, true);
    }

    /** How often a long cache read shows what it has so far. */
    private static final long PARTIAL_RESULTS_NANOS = 250_000_000L;

    private final StudioViewModel studio;
    private final GenerationResults results = new GenerationResults();
    private final GenerationService service;
    private final FrameKeyer keyer = new FrameKeyer();
    private final ExecutorService cacheThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fvstudio-render-cache");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Snapshot> pendingRefresh = new AtomicReference<>();
    private final IntegerProperty refreshesRequested = new SimpleIntegerProperty(this, "refreshesRequested");
    private final IntegerProperty refreshesApplied = new SimpleIntegerProperty(this, "refreshesApplied");
    private final BooleanProperty seedLocked = new SimpleBooleanProperty(this, "seedLocked", true);
    private final ObjectProperty<FrameRange> range = new SimpleObjectProperty<>(this, "range", FrameRange.ALL);
    private final ReadOnlyObjectWrapper<GenerationPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    /** Seconds per denoising step on this machine, from the latest frames; NaN before the first. */
    private final DoubleProperty secondsPerStep = new SimpleDoubleProperty(this, "secondsPerStep", Double.NaN);
    private final Map<Path, ProjectChoices> choicesByBundle = new HashMap<>();
    private boolean rangeChosen; // false: the range follows the project's in/out marks
    private boolean showingDefaultRange;
    private int loadingSnapshot;
    private Consumer<String> showReference;
    private volatile long cacheLimitBytes = DEFAULT_CACHE_LIMIT_BYTES;
    private final PictureLru pictures = PictureLru.forThisHeap();
    private final PictureLoader pictureLoader = new PictureLoader();
    private RenderCache cache; // guarded by this

    public GenerationWorkspace(StudioViewModel studio) {
        this.studio = studio;
        this.showReference = id -> {
            studio.selectedReferenceIdProperty().set(id);
            studio.viewerModeProperty().set(ViewerMode.REFERENCE);
        };
        this.service = new GenerationService(this::store, this::accept, message -> studio.statusProperty().set(message));
        var document = studio.document();
        document.locationProperty().addListener((obs, old, now) -> {
            if (document.isReplacing()) {
                // Old location, old project: the choices made for it wait until it is opened again.
                if (old != null) {
                    choicesByBundle.put(old.folder(), currentChoices());
                }
            } else {
                scheduleRefresh(); // Save As: the same project, its cache in the new bundle
            }
        });
        document.projectProperty().addListener((obs, old, now) -> {
            if (!document.isReplacing()) {
                followInOut();
                updatePlan();
                scheduleRefresh();
            }
        });
        document.replacementsProperty().addListener((obs, old, now) -> documentReplaced());
        range.addListener((obs, old, now) -> {
            if (!showingDefaultRange) {
                rangeChosen = true;
            }
            updatePlan();
        });
        studio.currentFrameProperty().addListener((obs, old, now) -> updatePlan());
        results.changesProperty().addListener((obs, old, now) -> updatePlan());
        secondsPerStep.addListener((obs, old, now) -> updatePlan());
        documentReplaced();
    }

    /** The render cache's size limit (Preferences › Cache size limit); applies to the open cache at once. */
    public void setCacheLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cache size limit must be >= 0, got " + bytes);
        }
        cacheLimitBytes = bytes;
        cacheThread.execute(() -> {
            synchronized (this) {
                if (cache != null) {
                    cache.setSizeLimit(bytes);
                }
            }
        });
    }

    public long cacheLimitBytes() {
        return cacheLimitBytes;
    }

    public GenerationResults results() {
        return results;
    }

    public GenerationService service() {
        return service;
    }

    public StudioViewModel studio() {
        return studio;
    }

    /** Unlocked: every Generate draws a new seed first (an undoable edit). */
    public BooleanProperty seedLockedProperty() {
        return seedLocked;
    }

    /**
     * Which frames Generate queues. Until the artist picks one for the open project it follows the project's
     * in/out marks: the in/out range when one end is set, else all frames. Each project keeps its own choice.
     */
    public ObjectProperty<FrameRange> rangeProperty() {
        return range;
    }

    /** What Generate would queue now, with its frame count and estimated time. */
    public ReadOnlyObjectProperty<GenerationPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Seconds per denoising step measured on this machine (NaN before the first frame). */
    public ReadOnlyDoubleProperty secondsPerStepProperty() {
        return secondsPerStep;
    }

    /** Counts key refreshes asked for; {@link #refreshesAppliedProperty()} catches up once the stale marks match. */
    public ReadOnlyIntegerProperty refreshesRequestedProperty() {
        return refreshesRequested;
    }

    public ReadOnlyIntegerProperty refreshesAppliedProperty() {
        return refreshesApplied;
    }

    // ---- actions (FX thread) -----------------------------------------------------------------------

    /** Queues the frames of the chosen range with the project's settings; empty when there is nothing to do. */
    public Optional<GenerationRequest> generate() {
        return generate(range.get());
    }

    /**
     * Queues the frames of {@code which}; empty (with a status message) when there is nothing to do, or when
     * a reference it would read has no skeleton (the artist is asked how to fix that first).
     */
    public Optional<GenerationRequest> generate(FrameRange which) {
        if (which == FrameRange.STALE && results.isLoading()) {
            studio.statusProperty().set("Not yet: which frames are stale is known once the render cache is read ("
                    + results.loadingText() + ")");
            return Optional.empty();
        }
        if (!referencesReady()) {
            return Optional.empty();
        }
        List<Integer> frames = framesOf(which);
        if (frames.isEmpty()) {
            studio.statusProperty().set(which == FrameRange.STALE ? "Nothing to generate: no stale or missing frames"
                    : "Nothing to generate: the frame range is empty");
            return Optional.empty();
        }
        return Optional.of(generate(frames));
    }

    public GenerationRequest generate(List<Integer> frames) {
        if (!seedLocked.get()) {
            studio.edit(GenerationEdits.seed(studio.project(), ThreadLocalRandom.current().nextLong(0, 1L << 32)));
        }
        GenerationRequest request = service.enqueue(studio.project(), studio.document().bundleFolder(), frames);
        GenerationPlan planned = plan.get();
        String eta = planned.frames().equals(request.frames()) ? planned.eta().map(d -> " · about "
                + GenerationPlan.clock(d)).orElse("") : "";
        studio.statusProperty().set("Queued generation " + request.describe() + eta);
        return request;
    }

    /** How the window shows a reference for placing its skeleton by hand (select it, show it in the editor). */
    public void setReferenceEditor(Consumer<String> showReference) {
        this.showReference = showReference;
    }

    private boolean referencesReady() {
        Project project = studio.project();
        ReferenceBlockers blockers = ReferenceBlockers.of(project);
        if (blockers.noneUsed()) {
            studio.reportProblem("Cannot generate", "no reference is ticked \"Use\" in the reference bin: import a "
                    + "shot of the character, give it a skeleton (Pose \u25b8 Detect pose or Add person) and tick it");
            return false;
        }
        if (!blockers.any()) {
            return true;
        }
        Optional<ReferenceCommand> detect = studio.referenceCommands().stream()
                .filter(c -> c.id().equals(ReferenceCommand.DETECT_POSE)).findFirst();
        Set<ReferenceFix> offered = EnumSet.of(ReferenceFix.PLACE_SKELETON, ReferenceFix.UNTICK);
        detect.ifPresent(d -> offered.add(ReferenceFix.DETECT_POSE));
        String first = blockers.withoutSkeleton().get(0).id();
        switch (studio.askReferenceFix(blockers.message(), offered)) {
            case UNTICK -> {
                studio.edit(new SnapshotEdit("Untick references without a skeleton", project, blockers.untick(project)));
                return blockers.othersRemain();
            }
            case PLACE_SKELETON -> {
                showReference.accept(first);
                studio.statusProperty().set("Place the skeleton of " + blockers.withoutSkeleton().get(0).displayName()
                        + ": Pose \u25b8 Add person, then drag the joints");
            }
            case DETECT_POSE -> detect.ifPresent(d -> d.action().accept(first));
            case CANCEL -> studio.statusProperty().set("Generate cancelled: references without a skeleton");
        }
        return false;
    }

    public List<Integer> framesOf(FrameRange which) {
        Project project = studio.project();
        int last = project.frameCount() - 1;
        List<Integer> frames = new ArrayList<>();
        switch (which) {
            case ALL, STALE -> {
                for (int f = 0; f <= last; f++) {
                    frames.add(f);
                }
            }
            case IN_OUT -> {
                TimelineMarks marks = project.timeline();
                int in = marks.hasIn() ? Math.min(marks.in(), last) : 0;
                int out = marks.hasOut() ? Math.min(marks.out(), last) : last;
                for (int f = in; f <= out; f++) {
                    frames.add(f);
                }
            }
            case CURRENT -> frames.add(Math.min(last, studio.currentFrameProperty().get()));
        }
        return which == FrameRange.STALE ? results.needingGeneration(frames) : frames;
    }

    /** "Use these settings": the result's settings become the project's (undoable). */
    public boolean useSettingsOf(int frame) {
        return results.at(frame).map(r -> studio.edit(GenerationEdits.recall(studio.project(), r.settings(), frame)))
                .orElse(false);
    }

    /** Deletes every stored result of the open project. */
    public void clearCache() {
        Path bundle = studio.document().bundleFolder();
        cacheThread.execute(() -> {
            String message;
            try {
                cacheFor(bundle).clear();
                message = "Cleared the render cache of " + bundle.getFileName();
            } catch (CacheException e) {
                message = "Cannot clear the render cache: " + e.getMessage();
            }
            String shown = message;
            Platform.runLater(() -> {
                results.clear();
                pictures.clear();
                studio.statusProperty().set(shown);
                scheduleRefresh();
            });
        });
    }

    // ---- generation callbacks ----------------------------------------------------------------------

    /** Accelerator thread: key and cache the frame; the cache failing costs only the caching. */
    private GeneratedFrame store(GenerationRequest request, FrameResult result, String device) {
        CacheKey key = null;
        try {
            key = keyer.key(request.project(), request.bundle(), result.frame());
        } catch (IOException | PackException e) {
            LOG.warn("cannot key frame {}: {}", result.frame(), e.getMessage());
        }
        GeneratedFrame frame = RenderedFrames.fromPipeline(result, request.project().generation(), key, device);
        if (key != null) {
            try {
                cacheFor(request.bundle()).put(result.frame(), key, RenderedFrames.toCache(frame));
                frame = frame.withPicture(frame.picture().reloadable(reloadFrom(request.bundle(), result.frame(), key),
                        pictures));
            } catch (CacheException | RuntimeException e) {
                LOG.warn("cannot cache frame {}", result.frame(), e);
                Platform.runLater(() -> studio.statusProperty().set("Frame " + result.frame()
                        + " was generated but not cached: " + e.getMessage()));
            }
        }
        return frame;
    }

    private void accept(GeneratedFrame frame) {
        measured(frame);
        if (isForOpenProject(frame)) {
            results.put(frame);
        }
    }

    /** The latest frames weigh most: a change of device or pack shows in the estimate within a few frames. */
    private void measured(GeneratedFrame frame) {
        int steps = frame.settings().steps();
        if (frame.seconds() <= 0 || steps <= 0) {
            return;
        }
        double perStep = frame.seconds() / steps;
        double before = secondsPerStep.get();
        secondsPerStep.set(Double.isNaN(before) ? perStep : 0.7 * before + 0.3 * perStep);
    }

    // ---- the open project --------------------------------------------------------------------------

    /** New or Open: results, the range choice and the seed lock of that project, and its cache read afresh. */
    private void documentReplaced() {
        results.clear();
        pictures.clear();
        ProjectChoices choices = choicesByBundle.getOrDefault(studio.document().bundleFolder(), ProjectChoices.DEFAULTS);
        seedLocked.set(choices.seedLocked());
        rangeChosen = choices.chosenRange() != null;
        showRange(rangeChosen ? choices.chosenRange() : defaultRange());
        results.startLoading();
        scheduleRefresh();
        loadingSnapshot = refreshesRequested.get();
    }

    private ProjectChoices currentChoices() {
        return new ProjectChoices(rangeChosen ? range.get() : null, seedLocked.get());
    }

    private FrameRange defaultRange() {
        TimelineMarks marks = studio.project().timeline();
        return marks.hasIn() || marks.hasOut() ? FrameRange.IN_OUT : FrameRange.ALL;
    }

    private void followInOut() {
        if (!rangeChosen) {
            showRange(defaultRange());
        }
    }

    private void showRange(FrameRange value) {
        showingDefaultRange = true;
        try {
            range.set(value);
        } finally {
            showingDefaultRange = false;
        }
        updatePlan();
    }

    private void updatePlan() {
        FrameRange which = range.get();
        boolean loading = results.isLoading();
        List<Integer> frames = which == FrameRange.STALE && loading ? List.of() : framesOf(which);
        int steps = studio.project().generation().steps();
        double perStep = Double.isNaN(secondsPerStep.get()) ? cachedSecondsPerStep() : secondsPerStep.get();
        Optional<Duration> eta = Double.isNaN(perStep) || frames.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(frames.size() * steps * perStep * 1000)));
        plan.set(new GenerationPlan(which, frames, steps, eta, loading));
    }

    /** Before this session generated anything: the median time per step of the results read from the cache. */
    private double cachedSecondsPerStep() {
        double[] perStep = results.frames().values().stream()
                .filter(f -> f.seconds() > 0 && f.settings().steps() > 0)
                .mapToDouble(f -> f.seconds() / f.settings().steps()).sorted().toArray();
        return perStep.length == 0 ? Double.NaN : perStep[perStep.length / 2];
    }

    private boolean isForOpenProject(GeneratedFrame frame) {
        GenerationRequest running = service.runningProperty().get();
        Path bundle = running != null ? running.bundle() : null;
        return bundle == null || bundle.equals(studio.document().bundleFolder());
    }

    // ---- cache refresh -----------------------------------------------------------------------------

    private void scheduleRefresh() {
        refreshesRequested.set(refreshesRequested.get() + 1);
        Snapshot snapshot = new Snapshot(refreshesRequested.get(), studio.project(), studio.document().bundleFolder(), results.shownKeys());
        if (pendingRefresh.getAndSet(snapshot) == null) {
            cacheThread.execute(this::refreshLatest);
        }
    }

    /**
     * Cache thread: only the newest snapshot is worked on; older ones were superseded while waiting. A long
     * read (a reopened project) shows what it has every quarter second and stops early when a newer snapshot
     * waits, which then goes on from what is shown.
     */
    private void refreshLatest() {
        Snapshot s = pendingRefresh.getAndSet(null);
        if (s == null) {
            return;
        }
        Map<Integer, CacheKey> keys = Map.of();
        String problem = null;
        try {
            keys = keyer.keys(s.project(), s.bundle());
        } catch (IOException | PackException | RuntimeException e) {
            problem = "Cannot tell which frames are stale: " + e.getMessage();
        }
        Map<Integer, CacheKey> finalKeys = keys;
        int frameCount = s.project().frameCount();
        Map<Integer, GeneratedFrame> restored = new HashMap<>();
        boolean superseded = false;
        try {
            RenderCache store = cacheFor(s.bundle());
            long lastShown = System.nanoTime();
            int done = 0;
            for (var entry : keys.entrySet()) {
                restoreFrame(store, s.bundle(), entry.getKey(), entry.getValue(), s.shown().get(entry.getKey()))
                        .ifPresent(r -> restored.put(r.frame(), r));
                done++;
                if (pendingRefresh.get() != null) {
                    superseded = true;
                    break;
                }
                if (System.nanoTime() - lastShown > PARTIAL_RESULTS_NANOS) {
                    Map<Integer, GeneratedFrame> partial = Map.copyOf(restored);
                    restored.clear();
                    int read = done;
                    int total = keys.size();
                    Platform.runLater(() -> {
                        if (s.bundle().equals(studio.document().bundleFolder())) {
                            results.update(finalKeys, partial, frameCount);
                            results.loadingProgress(read, total);
                        }
                    });
                    lastShown = System.nanoTime();
                }
            }
        } catch (CacheException e) {
            problem = e.getMessage();
        }
        String finalProblem = problem;
        boolean complete = !superseded;
        Platform.runLater(() -> {
            if (s.bundle().equals(studio.document().bundleFolder())) {
                results.update(finalKeys, restored, frameCount);
                if (complete && s.number() >= loadingSnapshot) {
                    results.finishLoading();
                }
            }
            if (finalProblem != null) {
                studio.statusProperty().set(finalProblem);
            }
            refreshesApplied.set(Math.max(refreshesApplied.get(), s.number()));
        });
    }

    private Optional<GeneratedFrame> restoreFrame(RenderCache store, Path bundle, int frame, CacheKey key, CacheKey shown) {
        if (key.equals(shown)) {
            return Optional.empty();
        }
        Optional<CacheKey> stored = store.keyOf(frame);
        Optional<RenderedFrame> found = key.equals(stored.orElse(null)) ? store.get(frame) : store.restore(frame, key);
        CacheKey foundKey = key;
        if (found.isEmpty() && shown == null && stored.isPresent()) {
            // Reopened after the inputs changed: show the old result, marked stale.
            found = store.get(frame);
            foundKey = stored.get();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            GeneratedFrame restored = RenderedFrames.fromCache(frame, foundKey, found.get());
            return Optional.of(restored.withPicture(restored.picture().reloadable(reloadFrom(bundle, frame, foundKey),
                    pictures)));
        } catch (IOException e) {
            LOG.warn("ignoring cached frame {}: {}", frame, e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads a frame's picture back from the render cache entry that was made for {@code key}. */
    private FramePicture.Reload reloadFrom(Path bundle, int frame, CacheKey key) {
        return () -> {
            Optional<RenderedFrame> entry;
            try {
                RenderCache store = cacheFor(bundle);
                entry = key.equals(store.keyOf(frame).orElse(null)) ? store.get(frame) : store.restore(frame, key);
            } catch (CacheException e) {
                throw new IOException(e.getMessage(), e);
            }
            return entry.map(RenderedFrame::image).orElseThrow(() -> new IOException("frame " + frame
                    + " is no longer in the render cache (its size limit evicted it): generate it again"));
        };
    }

    private synchronized RenderCache cacheFor(Path bundle) throws CacheException {
        Path folder = bundle.resolve("cache");
        if (cache == null || !cache.folder().equals(folder)) {
            if (cache != null) {
                cache.close();
                cache = null;
            }
            cache = RenderCache.open(folder, cacheLimitBytes);
            if (cache.openElsewhere()) {
                LOG.warn("{} is open in another FV Studio", bundle);
                Platform.runLater(() -> studio.statusProperty().set(OPEN_ELSEWHERE));
            }
        }
        return cache;
    }

    /** The full-size pictures in memory; the rest are read again from the render cache when shown. */
    public PictureLru pictures() {
        return pictures;
    }

    /** Reads a picture that was dropped from memory; {@code done} runs on the FX thread. */
    public void loadPicture(FramePicture picture, Consumer<PictureLoader.Outcome> done) {
        pictureLoader.load(picture, done);
    }

    @Override
    public void close() {
        service.close();
        pictureLoader.close();
        cacheThread.shutdown();
        try {
            cacheThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (cache != null) {
                cache.close();
                cache = null;
            }
        }
    }
}
