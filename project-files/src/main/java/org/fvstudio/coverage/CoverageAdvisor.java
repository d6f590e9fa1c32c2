package org.fvstudio.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * Coverage advice for a shot, from skeletons alone (so before any generation): the target as the camera frames it,
 * frame by frame, against the enabled references. It names the frames where the target shows a side of the body, a
 * region of it, or a face close-up that no reference shows well enough, and the kind of shot to add. Generated
 * frames refine it: the advice says which reference fed the region there, and frames whose best correlation falls
 * far below the shot's are named as poses no reference resembles.
 */
public final class CoverageAdvisor {

    /** A frame is a face close-up when the face is at least this fraction of the canvas's height. */
    static final double CLOSE_UP_FACE = 0.25;
    /** A reference's face smaller than this fraction of the close-up's (both relative to their pictures) is too small. */
    static final double FACE_RATIO = 0.5;
    /** A generated frame matches weakly when its peak correlation lies this many spreads below the shot's median. */
    static final double WEAK_SPREADS = 2;

    private enum Group {
        HEAD("the head", "them", "a close-up"),
        TORSO("the torso", "it", "a medium shot"),
        ARMS("the arms", "them", "a medium shot that shows the arms"),
        LEGS("the legs", "them", "a wide shot"),
        HANDS("the hands", "them", "a shot that shows the hands");

        final String label;
        final String pronoun;
        final String shot;

        Group(String label, String pronoun, String shot) {
            this.label = label;
            this.pronoun = pronoun;
            this.shot = shot;
        }

        BodyRegion[] regions() {
            return switch (this) {
                case HEAD -> new BodyRegion[] {BodyRegion.HEAD};
                case TORSO -> new BodyRegion[] {BodyRegion.TORSO};
                case ARMS -> new BodyRegion[] {BodyRegion.RIGHT_ARM, BodyRegion.LEFT_ARM};
                case LEGS -> new BodyRegion[] {BodyRegion.RIGHT_LEG, BodyRegion.LEFT_LEG};
                case HANDS -> new BodyRegion[] {BodyRegion.HANDS};
            };
        }
    }

    private final Project project;
    private final List<ReferenceShot> references;
    private final List<ShotReading> readings = new ArrayList<>();
    private final ShotReading[] target;
    private final Map<Integer, FrameEvidence> evidence;

    private CoverageAdvisor(Project project, Map<Integer, FrameEvidence> evidence) {
        this.project = project;
        this.references = project.enabledReferences().stream().filter(ReferenceShot::hasSkeleton).toList();
        references.forEach(r -> readings.add(ShotReading.of(r.pose())));
        this.target = new ShotReading[project.frameCount()];
        for (int f = 0; f < target.length; f++) {
            target[f] = ShotReading.of(project.targetPoseAt(f));
        }
        this.evidence = evidence;
    }

    /** @param evidence generated frames by frame number (may be empty) */
    public static CoverageReport advise(Project project, Map<Integer, FrameEvidence> evidence) {
        return new CoverageAdvisor(project, evidence).report();
    }

    private CoverageReport report() {
        List<CoverageAdvice> advice = new ArrayList<>();
        sides(advice);
        faces(advice);
        regions(advice);
        weakMatches(advice);
        advice.sort(Comparator.comparingInt(CoverageAdvice::firstFrame).thenComparing(CoverageAdvice::kind));
        List<CoverageReport.ReferenceSummary> summaries = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ReferenceShot r = references.get(i);
            summaries.add(new CoverageReport.ReferenceSummary(r.id(), r.displayName(), r.scale(), readings.get(i)));
        }
        FeedMatrix shot = evidence.isEmpty() ? null
                : FeedMatrix.average(evidence.values().stream().map(FrameEvidence::feed).toList());
        return new CoverageReport(advice, summaries, shot, target.length, evidence.size());
    }

    private void sides(List<CoverageAdvice> out) {
        for (Facing side : new Facing[] {Facing.FRONT, Facing.BACK, Facing.LEFT, Facing.RIGHT}) {
            if (readings.stream().anyMatch(r -> r.facing() == side)) {
                continue;
            }
            boolean[] holds = new boolean[target.length];
            for (int f = 0; f < target.length; f++) {
                holds[f] = target[f].facing() == side;
            }
            for (int[] run : FrameRuns.of(holds)) {
                String message = "the " + side.label() + " of the body is seen in " + CoverageAdvice.frames(run[0], run[1])
                        + " but no reference shows it: add " + side.shotToAdd();
                out.add(refined(new CoverageAdvice(CoverageAdvice.Kind.SIDE_UNSEEN, run[0], run[1], message,
                        side.shotToAdd(), ""), BodyRegion.TORSO));
            }
        }
    }

    private void faces(List<CoverageAdvice> out) {
        int best = -1;
        for (int i = 0; i < readings.size(); i++) {
            double face = readings.get(i).faceFraction();
            if (Double.isFinite(face) && (best < 0 || face > readings.get(best).faceFraction())) {
                best = i;
            }
        }
        double bestFace = best < 0 ? 0 : readings.get(best).faceFraction();
        boolean[] holds = new boolean[target.length];
        for (int f = 0; f < target.length; f++) {
            double face = target[f].faceFraction();
            holds[f] = face >= CLOSE_UP_FACE && bestFace < FACE_RATIO * face;
        }
        for (int[] run : FrameRuns.of(holds)) {
            double largest = 0;
            for (int f = run[0]; f <= run[1]; f++) {
                largest = Double.isFinite(target[f].faceHeight()) ? Math.max(largest, target[f].faceHeight()) : largest;
            }
            String frames = CoverageAdvice.frames(run[0], run[1]);
            String message;
            if (best < 0) {
                message = frames + " are a face close-up (face up to " + px(largest) + " high) but no reference shows the face: "
                        + "add a close-up of the face";
            } else {
                ReferenceShot r = references.get(best);
                message = frames + " are a face close-up (face up to " + px(largest) + " high) but the best face reference is '"
                        + r.displayName() + "', a " + r.scale().label().toLowerCase(Locale.ROOT) + " shot (face "
                        + px(readings.get(best).faceHeight()) + " high in its " + readings.get(best).canvasHeight()
                        + " px picture): add a close-up";
            }
            out.add(refined(new CoverageAdvice(CoverageAdvice.Kind.FACE_TOO_SMALL, run[0], run[1], message, "a close-up", ""),
                    BodyRegion.HEAD));
        }
    }

    private void regions(List<CoverageAdvice> out) {
        for (Group group : Group.values()) {
            if (readings.stream().anyMatch(r -> shows(r, group))) {
                continue;
            }
            boolean[] holds = new boolean[target.length];
            for (int f = 0; f < target.length; f++) {
                holds[f] = shows(target[f], group);
            }
            for (int[] run : FrameRuns.of(holds)) {
                String message = group.label + " " + (group.pronoun.equals("it") ? "is" : "are") + " seen in "
                        + CoverageAdvice.frames(run[0], run[1]) + " but no reference shows " + group.pronoun + ": add " + group.shot;
                out.add(refined(new CoverageAdvice(CoverageAdvice.Kind.REGION_UNSEEN, run[0], run[1], message, group.shot, ""),
                        group.regions()[0]));
            }
        }
    }

    private static boolean shows(ShotReading reading, Group group) {
        for (BodyRegion region : group.regions()) {
            if (reading.shows(region)) {
                return true;
            }
        }
        return false;
    }

    /** Frames whose best correlation lies far below the shot's: their pose resembles no reference. */
    private void weakMatches(List<CoverageAdvice> out) {
        if (evidence.size() < 4) {
            return;
        }
        List<Double> peaks = evidence.values().stream().map(FrameEvidence::peakCorrelation).filter(Double::isFinite)
                .sorted().toList();
        if (peaks.size() < 4) {
            return;
        }
        double median = peaks.get(peaks.size() / 2);
        double spread = peaks.stream().map(p -> Math.abs(p - median)).sorted().toList().get(peaks.size() / 2);
        if (!(spread > 0)) {
            return;
        }
        boolean[] holds = new boolean[target.length];
        for (FrameEvidence e : evidence.values()) {
            if (e.frame() < holds.length && e.peakCorrelation() < median - WEAK_SPREADS * spread) {
                holds[e.frame()] = true;
            }
        }
        for (int[] run : FrameRuns.of(holds)) {
            int middle = (run[0] + run[1]) / 2;
            String shot = "a shot in the pose of frame " + middle;
            String message = CoverageAdvice.frames(run[0], run[1]) + " match every reference weakly (peak correlation "
                    + String.format(Locale.ROOT, "%.3f", lowestPeak(run)) + " against the shot's median "
                    + String.format(Locale.ROOT, "%.3f", median) + "): add " + shot;
            out.add(new CoverageAdvice(CoverageAdvice.Kind.WEAK_MATCH, run[0], run[1], message, shot, ""));
        }
    }

    private double lowestPeak(int[] run) {
        double low = Double.POSITIVE_INFINITY;
        for (int f = run[0]; f <= run[1]; f++) {
            FrameEvidence e = evidence.get(f);
            if (e != null) {
                low = Math.min(low, e.peakCorrelation());
            }
        }
        return low;
    }

    /** Adds who fed {@code region} over the advice's generated frames. */
    private CoverageAdvice refined(CoverageAdvice advice, BodyRegion region) {
        List<FeedMatrix> feeds = new ArrayList<>();
        for (int f = advice.firstFrame(); f <= advice.lastFrame(); f++) {
            Optional.ofNullable(evidence.get(f)).ifPresent(e -> feeds.add(e.feed()));
        }
        if (feeds.isEmpty()) {
            return advice;
        }
        FeedMatrix feed = FeedMatrix.average(feeds);
        double total = feed.regionShare(region);
        Optional<String> carrier = feed.carrier(region);
        if (carrier.isEmpty() || !(total > 0)) {
            return advice.withEvidence(feeds.size() + " generated frame" + (feeds.size() == 1 ? "" : "s")
                    + " there took no token of the " + region.label() + " from any reference");
        }
        String name = project.reference(carrier.get()).map(ReferenceShot::displayName).orElse(carrier.get());
        int percent = (int) Math.round(100 * feed.share(carrier.get(), region) / total);
        return advice.withEvidence("over " + feeds.size() + " generated frame" + (feeds.size() == 1 ? "" : "s") + " there, '"
                + name + "' gave " + percent + " % of the " + region.label() + " tokens, "
                + String.format(Locale.ROOT, "%.0f", 100 * total) + " % of all tokens went to the " + region.label());
    }

    private static String px(double pixels) {
        return Math.round(pixels) + " px";
    }
}
