/**
 * Chooses the skeleton detector: DWPose when its files are present, else the embedded estimator whose model
 * ships with the studio ({@link org.fvstudio.inference.estimation.EstimatorChoice#AUTO}), or either on request.
 */
package org.fvstudio.inference.estimation;
