package org.fvstudio.ui.help;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.fvstudio.ui.keys.ShortcutTable.Row;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.preferences.ThemeStyles;

/** Help > Keyboard shortcuts: a filterable table of every key the studio handles (the shortcut table). */
public final class ShortcutsDialog {

    private final Stage stage = new Stage();
    private final Supplier<List<Row>> source;
    private final TableView<Row> table = new TableView<>();
    private final TextField filter = new TextField();
    private FilteredList<Row> rows = new FilteredList<>(FXCollections.observableArrayList());

    public ShortcutsDialog(Window owner, Supplier<List<Row>> source, StudioPreferences preferences) {
        this.source = source;
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");

        TableColumn<Row, String> where = new TableColumn<>("Where");
        where.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().where()));
        where.setPrefWidth(170);
        TableColumn<Row, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().action()));
        action.setPrefWidth(340);
        TableColumn<Row, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().keys()));
        keys.setPrefWidth(170);
        table.getColumns().add(where);
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.setId("shortcutsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(table, Priority.ALWAYS);

        filter.setId("shortcutsFilter");
        filter.setPromptText("Filter by action or key");
        filter.textProperty().addListener((obs, old, text) -> rows.setPredicate(s -> matches(s, text)));
        Button close = new Button("Close");
        close.setId("shortcutsClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox.setHgrow(filter, Priority.ALWAYS);

        VBox root = new VBox(8, filter, table, new HBox(8, close));
        root.setId("shortcutsRoot");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 720, 560);
        ThemeStyles.follow(scene, preferences.currentProperty());
        stage.setScene(scene);
    }

    /** Collects the shortcuts afresh (menus may have changed) and shows them. */
    public void show() {
        filter.clear();
        rows = new FilteredList<>(FXCollections.observableArrayList(source.get()));
        table.setItems(rows);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private static boolean matches(Row shortcut, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return shortcut.action().toLowerCase(Locale.ROOT).contains(wanted)
                || shortcut.keys().toLowerCase(Locale.ROOT).contains(wanted)
                || shortcut.where().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
