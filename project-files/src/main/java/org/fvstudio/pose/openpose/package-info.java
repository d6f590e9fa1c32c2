/**
 * OpenPose / ControlNet-editor JSON import and export, mapping BODY_25, BODY_25B, COCO-17 and
 * 18-point bodies, 68/70-point faces and hands onto the 134-point DWPose layout.
 */
package org.fvstudio.pose.openpose;
