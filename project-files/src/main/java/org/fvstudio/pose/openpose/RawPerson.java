package org.fvstudio.pose.openpose;

/**
 * One person's arrays as found in the file (x, y, c triples, coordinates not yet scaled);
 * a null array means the part is absent.
 */
record RawPerson(double[] body, double[] face, double[] leftHand, double[] rightHand, double[] feet) {

    int bodyPointCount() {
        return body == null ? 0 : body.length / 3;
    }

    double[][] arrays() {
        return new double[][] {body, face, leftHand, rightHand, feet};
    }
}
