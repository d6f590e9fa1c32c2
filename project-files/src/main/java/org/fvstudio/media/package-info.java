/**
 * Reading pictures and videos into plain RGB pixels: {@link org.fvstudio.media.ImageFiles} for still images
 * (ImageIO, with FFmpeg for formats ImageIO lacks) and {@link org.fvstudio.media.VideoFrameReader} for any video
 * FFmpeg decodes (JavaCV). No JavaFX and no ONNX here; consumers convert {@link org.fvstudio.pose.render.RgbImage}
 * to whatever they draw with or feed to a model.
 */
package org.fvstudio.media;
