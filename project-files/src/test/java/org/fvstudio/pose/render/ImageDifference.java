package org.fvstudio.pose.render;

/** Per-channel statistics of |a - b| over two equally sized images. */
record ImageDifference(double[] meanAbsPerChannel, int[] maxChannelDiffPerPixel, int differingPixels, int nonBlackPixelsOfSecond) {

    static ImageDifference between(RgbImage a, RgbImage b) {
        int n = a.width() * a.height();
        long[] sums = new long[3];
        int[] maxDiff = new int[n];
        int differing = 0;
        int nonBlack = 0;
        int[] pa = a.packedPixels();
        int[] pb = b.packedPixels();
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int c = 0; c < 3; c++) {
                int shift = 16 - 8 * c;
                int d = Math.abs((pa[i] >>> shift & 0xFF) - (pb[i] >>> shift & 0xFF));
                sums[c] += d;
                m = Math.max(m, d);
            }
            maxDiff[i] = m;
            if (m > 0) {
                differing++;
            }
            if (pb[i] != 0) {
                nonBlack++;
            }
        }
        return new ImageDifference(new double[] {sums[0] / (double) n, sums[1] / (double) n, sums[2] / (double) n},
                maxDiff, differing, nonBlack);
    }

    double fractionWithin(int levels) {
        int ok = 0;
        for (int d : maxChannelDiffPerPixel) {
            if (d <= levels) {
                ok++;
            }
        }
        return ok / (double) maxChannelDiffPerPixel.length;
    }
}
