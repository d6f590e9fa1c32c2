package org.fvstudio.ui.view;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.ui.editor.PersonFraming;
import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.timeline.CameraPresets;

import org.fvstudio.ui.timeline.TimelineEditor;


/**
 * The Pose and Timeline menus. Single-key shortcuts are named in the item text and handled by
 * {@link StudioKeys} (a menu accelerator would also fire while typing in a text field).
 */
final class EditorMenus {

    private final SkeletonEditor skeleton;
    private final TimelineEditor timeline;
    private final TimelineView timelineView;

    EditorMenus(SkeletonEditor skeleton, TimelineEditor timeline, TimelineView timelineView) {
        this.skeleton = skeleton;
        this.timeline = timeline;
        this.timelineView = timelineView;
    }

    Menu poseMenu() {
        CheckMenuItem keepLengths = new CheckMenuItem("Keep bone lengths while dragging");
        keepLengths.setId("menuKeepLengths");
        keepLengths.selectedProperty().bindBidirectional(skeleton.keepBoneLengthsProperty());
        Menu framed = new Menu("Add person framed as");
        framed.setId("menuAddPersonFramed");
        for (PersonFraming framing : PersonFraming.values()) {
            framed.getItems().add(item(framing.label(), "menuAddPerson-" + framing.name(), () -> skeleton.addFramedPerson(framing)));
        }
        Menu menu = new Menu("Pose", null,
                item("Add person (framed for the shot scale)", "menuAddPerson", skeleton::addPerson),
                framed,
                item("Remove person", "menuRemovePerson", skeleton::removePerson),
                new SeparatorMenuItem(),
                item("Add default hands and face", "menuAddHandsFace", skeleton::addDefaultHandsAndFace),
                item("Reset left hand", "menuResetLeftHand", () -> skeleton.resetHand(BodyPart.LEFT_HAND)),
                item("Reset right hand", "menuResetRightHand", () -> skeleton.resetHand(BodyPart.RIGHT_HAND)),
                item("Mirror left-right", "menuMirror", skeleton::mirror),
                new SeparatorMenuItem(),
                item(StudioShortcut.HIDE_JOINTS.withKeys("Hide selected joints"), "menuHideJoints", skeleton::hideSelected),
                item(StudioShortcut.SHOW_JOINTS.withKeys("Show selected joints"), "menuShowJoints", skeleton::showSelected),
                item(StudioShortcut.SHOW_ALL_JOINTS.withKeys("Show all hidden joints"), "menuShowAllJoints", skeleton::showAllHidden),
                new SeparatorMenuItem(),
                keepLengths);
        menu.setId("menuPose");
        return menu;
    }

    Menu timelineMenu() {
        Menu interpolation = new Menu("Interpolation of selected keys");
        for (Interpolation mode : Interpolation.values()) {
            interpolation.getItems().add(item(DopeSheet.label(mode), "menuInterpolation-" + mode.jsonName(),
                    () -> timeline.setInterpolation(mode)));
        }
        Menu presets = new Menu("Camera presets (over the preset frame count)");
        for (CameraPresets.Preset preset : CameraPresets.Preset.values()) {
            presets.getItems().add(item(preset.label(), "menuPreset-" + preset.name(),
                    () -> timeline.applyPreset(preset, 24)));
        }
        CheckMenuItem loop = new CheckMenuItem("Loop playback");
        loop.selectedProperty().bindBidirectional(timeline.transport().loopProperty());
        MenuItem goTo = item(StudioShortcut.GO_TO_FRAME.action(), "menuGoToFrame", timelineView::focusFrameField);
        goTo.setAccelerator(StudioShortcut.GO_TO_FRAME.accelerator());
        Menu menu = new Menu("Timeline", null,
                item(StudioShortcut.PLAY_PAUSE.withKeys("Play / pause"), "menuPlay", () -> timeline.transport().togglePlay()),
                item(StudioShortcut.PREVIOUS_KEY.withKeys("Previous keyframe"), "menuPreviousKey", timeline::previousKeyframe),
                item(StudioShortcut.NEXT_KEY.withKeys("Next keyframe"), "menuNextKey", timeline::nextKeyframe),
                goTo,
                loop,
                new SeparatorMenuItem(),
                item("Insert keyframe (" + StudioShortcut.SHUTTLE_STOP.keysText() + " / " + StudioShortcut.INSERT_KEY.keysText() + ")", "menuInsertKey", timeline::insertKey),
                item(StudioShortcut.DELETE_KEYS.withKeys("Delete selected keyframes"), "menuDeleteKeys", timeline::deleteSelectedKeys),
                interpolation,
                item("Reduce keyframes (" + TimelineEditor.DEFAULT_TOLERANCE + " px)", "menuReduceKeys",
                        () -> timeline.reduceKeyframes(TimelineEditor.DEFAULT_TOLERANCE)),
                new SeparatorMenuItem(),
                item(StudioShortcut.SET_IN.withKeys("Set in point"), "menuInPoint", () -> timeline.transport().setInPoint()),
                item(StudioShortcut.SET_OUT.withKeys("Set out point"), "menuOutPoint", () -> timeline.transport().setOutPoint()),
                item(StudioShortcut.CLEAR_RANGE.withKeys("Clear in/out range"), "menuClearRange", () -> timeline.transport().clearRange()),
                item(StudioShortcut.MARKER.withKeys("Add / remove marker"), "menuMarker", () -> timeline.transport().toggleMarker()),
                item("Label marker at playhead…", "menuLabelMarker", this::askMarkerLabel),
                new SeparatorMenuItem(),
                presets);
        menu.setId("menuTimeline");
        return menu;
    }

    private void askMarkerLabel() {
        TextInputDialog dialog = new TextInputDialog(timeline.transport().markerLabelHere());
        dialog.setTitle("Label marker");
        dialog.setHeaderText("Label of the marker at frame " + timeline.transport().frame()
                + " (a marker is added there if there is none; empty clears the label)");
        dialog.showAndWait().ifPresent(label -> timeline.transport().labelMarker(label));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
