package org.fvstudio.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fvstudio.cache.TokenSelection;
import org.fvstudio.pose.Pose;

/**
 * Who feeds what: the share of a frame's selected tokens that each reference gives to each body region. A token is
 * counted for the region it shows in its reference (the reference's {@link RegionGrid} at the bank's grid): a face
 * token serves the target's face. Padding is not counted, so the shares of a frame with tokens sum to 1.
 *
 * @param shares [reference][region], in the order of {@code referenceIds} and {@link BodyRegion#values()}
 */
public record FeedMatrix(List<String> referenceIds, double[][] shares) {

    public FeedMatrix {
        referenceIds = List.copyOf(referenceIds);
        double[][] copy = new double[shares.length][];
        for (int i = 0; i < shares.length; i++) {
            copy[i] = shares[i].clone();
        }
        shares = copy;
    }

    /**
     * @param referenceIds   the references in the order the selection's token indices count them
     * @param referencePoses their skeletons, same order
     */
    public static FeedMatrix of(TokenSelection selection, List<String> referenceIds, List<Pose> referencePoses) {
        int cells = selection.gridHeight() * selection.gridWidth();
        List<BodyRegion[]> grids = new ArrayList<>();
        for (Pose pose : referencePoses) {
            grids.add(RegionGrid.of(pose, selection.gridHeight(), selection.gridWidth()));
        }
        double[][] counts = new double[referenceIds.size()][BodyRegion.values().length];
        int kept = 0;
        for (int index : selection.indices()) {
            int reference = index / cells;
            if (index < 0 || reference >= referenceIds.size()) {
                continue;
            }
            counts[reference][grids.get(reference)[index % cells].ordinal()]++;
            kept++;
        }
        if (kept > 0) {
            for (double[] row : counts) {
                for (int r = 0; r < row.length; r++) {
                    row[r] /= kept;
                }
            }
        }
        return new FeedMatrix(referenceIds, counts);
    }

    /** The mean over frames (each frame counts once); references missing from a frame count 0 there. */
    public static FeedMatrix average(List<FeedMatrix> frames) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (FeedMatrix frame : frames) {
            for (int n = 0; n < frame.referenceIds.size(); n++) {
                double[] row = rows.computeIfAbsent(frame.referenceIds.get(n), id -> new double[BodyRegion.values().length]);
                for (int r = 0; r < row.length; r++) {
                    row[r] += frame.shares[n][r] / frames.size();
                }
            }
        }
        return new FeedMatrix(new ArrayList<>(rows.keySet()), rows.values().toArray(new double[0][]));
    }

    public double share(int reference, BodyRegion region) {
        return shares[reference][region.ordinal()];
    }

    public double share(String referenceId, BodyRegion region) {
        int n = referenceIds.indexOf(referenceId);
        return n < 0 ? 0 : share(n, region);
    }

    /** Everything counted: 1 for a frame with tokens (up to rounding), 0 without. */
    public double total() {
        double sum = 0;
        for (double[] row : shares) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** The share of all tokens that went to {@code region}, from every reference. */
    public double regionShare(BodyRegion region) {
        double sum = 0;
        for (double[] row : shares) {
            sum += row[region.ordinal()];
        }
        return sum;
    }

    /** The reference that gave {@code region} the most tokens, if any gave it one. */
    public Optional<String> carrier(BodyRegion region) {
        int best = -1;
        for (int n = 0; n < shares.length; n++) {
            if (shares[n][region.ordinal()] > 0 && (best < 0 || shares[n][region.ordinal()] > shares[best][region.ordinal()])) {
                best = n;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(referenceIds.get(best));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedMatrix other && referenceIds.equals(other.referenceIds)
                && java.util.Arrays.deepEquals(shares, other.shares);
    }

    @Override
    public int hashCode() {
        return referenceIds.hashCode() * 31 + java.util.Arrays.deepHashCode(shares);
    }
}
