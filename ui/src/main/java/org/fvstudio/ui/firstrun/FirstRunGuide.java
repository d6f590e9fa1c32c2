package org.fvstudio.ui.firstrun;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.preferences.ThemeStyles;

/**
 * The short guide shown when the studio starts: three cards side by side, a "Don't show again" box
 * and Close. It does not block the studio; closing it with the box ticked turns it off in the preferences.
 */
public final class FirstRunGuide {

    private final Stage stage = new Stage();
    private final CheckBox dontShowAgain = new CheckBox("Don't show again");

    public FirstRunGuide(Window owner, StudioPreferences preferences, Consumer<String> onProblem) {
        stage.initOwner(owner);
        stage.setTitle("Welcome to FV Studio");

        Label intro = new Label("FV Studio animates a character from a few reference shots of it and a "
                + "driving skeleton, seen through a virtual camera. Three areas of the window do the work:");
        intro.setWrapText(true);

        HBox cards = new HBox(10);
        for (GuideCard card : GuideCard.studioTour()) {
            Label title = new Label(card.title());
            title.getStyleClass().add("zone-heading");
            Label text = new Label(card.text());
            text.setWrapText(true);
            VBox box = new VBox(6, title, text);
            box.setId(card.id());
            box.getStyleClass().add("guide-card");
            box.setPadding(new Insets(10));
            box.setPrefWidth(220);
            box.setStyle("-fx-border-width: 1; -fx-border-radius: 4; -fx-background-radius: 4;");
            HBox.setHgrow(box, Priority.ALWAYS);
            cards.getChildren().add(box);
        }

        dontShowAgain.setId("guideDontShowAgain");
        Button close = new Button("Close");
        close.setId("guideClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(10, dontShowAgain, gap, close);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(12, intro, cards, footer);
        root.setId("firstRunGuide");
        root.setPadding(new Insets(14));
        root.setPrefWidth(720);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(FirstRunGuide.class.getResource("/org/fvstudio/ui/view/studio.css").toExternalForm());
        ThemeStyles.follow(scene, preferences.currentProperty());
        stage.setScene(scene);
        // Every way of closing (button, Escape, window close box) honours the box.
        stage.setOnHidden(e -> {
            if (dontShowAgain.isSelected() && preferences.current().showGuide()) {
                preferences.updateQuietly(preferences.current().withShowGuide(false)).forEach(onProblem);
            }
        });
    }

    public void show() {
        dontShowAgain.setSelected(false);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }
}
