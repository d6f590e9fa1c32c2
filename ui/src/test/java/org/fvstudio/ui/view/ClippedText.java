package org.fvstudio.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds buttons whose caption is drawn cut short ("Rand…", "...") in what the window shows. */
final class ClippedText {

    private ClippedText() {
    }

    /** "id 'Full caption' drawn as 'Fu...'" for every visible button of {@code root} whose text is cut; FX thread. */
    static List<String> buttonsIn(Parent root) {
        List<String> clipped = new ArrayList<>();
        collect(root, root.getScene().getRoot().getLayoutBounds(), clipped);
        return clipped;
    }

    private static void collect(Node node, Bounds window, List<String> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase button && button.getText() != null && !button.getText().isEmpty()) {
            Bounds onScreen = button.localToScene(button.getLayoutBounds());
            String drawn = drawnText(button);
            if (onScreen.intersects(window) && drawn != null && !drawn.equals(button.getText())) {
                into.add((button.getId() == null ? button.getClass().getSimpleName() : "#" + button.getId())
                        + " '" + button.getText() + "' drawn as '" + drawn + "'");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, window, into);
            }
        }
    }

    /** The text the skin draws, or null before the skin exists. */
    static String drawnText(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : null;
    }
}
