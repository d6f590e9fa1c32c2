/**
 * What every skeleton detector offers (DWPose in {@code dwpose}, the embedded MoveNet estimator in
 * {@code movenet}): a picture in, DWPose 134-point poses out. {@code estimation} chooses which one runs.
 */
package org.fvstudio.inference.skeleton;
