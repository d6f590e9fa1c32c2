/**
 * DWPose whole-body pose estimation on ONNX Runtime (through {@link org.fvstudio.inference.runtime}):
 * YOLOX-L finds people, the RTMPose-based SimCC estimator places 133 COCO-WholeBody points per person, and
 * {@link org.fvstudio.inference.dwpose.WholeBodyMapping} turns them into FV Studio's 134-point
 * {@link org.fvstudio.pose.PersonPose} (neck inserted, OpenPose-18 body order). The maths follows
 * ../shared/docs/FACTS.md step by step; each step is its own class with its own tests.
 *
 * <h2>Pictures ("Detect pose" on a reference)</h2>
 * <pre>{@code
 * DwposeModels models = DwposeModels.locate(folderFromPreferencesOr(DwposeModels.defaultFolder()));
 * try (DwposeExtractor extractor = DwposeExtractor.open(models, SessionSettings.defaults())) {
 *     Pose pose = extractor.detect(ImageFiles.read(imageFile), largestOnly);   // canvas = picture size
 * }
 * }</pre>
 *
 * <h2>Videos ("Extract poses from video")</h2>
 * <pre>{@code
 * VideoPoses result = new VideoPoseExtractor(extractor).extract(videoFile,
 *         VideoExtractionOptions.defaults().withFrameStride(2).withSmoothing(OneEuroSettings.forPixels()),
 *         (done, total, fraction) -> ..., cancellationToken);
 * PoseTrack target = result.toPoseTrack(Interpolation.LINEAR);   // keys at the source frame numbers
 * }</pre>
 *
 * <h2>Errors</h2>
 * {@link org.fvstudio.inference.dwpose.ModelsMissingException} says which files to put where (nothing is ever
 * downloaded); {@link org.fvstudio.inference.runtime.GraphSignatureException} names file, tensor, expected and
 * found; {@link org.fvstudio.media.MediaException} names an unreadable picture or video;
 * {@link org.fvstudio.inference.dwpose.ExtractionCancelledException} reports a cancelled run.
 *
 * <p>Extractors are not thread-safe (they reuse their tensor buffers): one per worker thread, never on the
 * JavaFX thread.
 */
package org.fvstudio.inference.dwpose;
