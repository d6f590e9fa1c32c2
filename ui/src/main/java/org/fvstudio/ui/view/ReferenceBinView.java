package org.fvstudio.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Menu;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.studio.ReferenceCommand;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.icons.Icons;

/** The reference bin: thumbnails of the reference shots with their scale label and enable toggle. */
public final class ReferenceBinView extends BorderPane {

    static final double THUMBNAIL = 96;

    private final StudioViewModel viewModel;
    private final ListView<ReferenceShot> list = new ListView<>();
    private final ThumbnailCache thumbnails = new ThumbnailCache(THUMBNAIL);

    public ReferenceBinView(StudioViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("reference-bin");
        setId("referenceBin");
        setPrefWidth(240);

        Label heading = new Label("References");
        heading.getStyleClass().add("zone-heading");
        Button importButton = new Button("Import…", Icons.importImage());
        importButton.setId("importReferencesButton");
        importButton.setOnAction(e -> viewModel.importReferences());
        HBox header = new HBox(8, heading, spacer(), importButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6));
        setTop(header);

        list.setId("referenceList");
        list.setCellFactory(v -> new ReferenceCell());
        Label empty = new Label("No reference shots yet.\nImport PNG or JPEG images\nor drop them here.");
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-zone");
        list.setPlaceholder(empty);
        setCenter(list);

        viewModel.document().projectProperty().addListener((obs, old, project) -> showReferences(project));
        showReferences(viewModel.project());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, shot) -> {
            if (shot != null) {
                viewModel.selectedReferenceIdProperty().set(shot.id());
            }
        });
        viewModel.selectedReferenceIdProperty().addListener((obs, old, id) -> selectById(id));

        setOnDragOver(this::acceptImageFiles);
        setOnDragDropped(this::dropImageFiles);
    }

    private void showReferences(Project project) {
        String selected = viewModel.selectedReferenceIdProperty().get();
        list.getItems().setAll(project.references());
        thumbnails.setBundle(viewModel.document().bundleFolder());
        selectById(selected);
    }

    private void selectById(String id) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).id().equals(id)) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
                return;
            }
        }
        list.getSelectionModel().clearSelection();
    }

    private void acceptImageFiles(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropImageFiles(DragEvent event) {
        List<File> files = event.getDragboard().getFiles();
        boolean accepted = files != null && !files.isEmpty();
        if (accepted) {
            viewModel.importReferenceFiles(files.stream().map(File::toPath).toList());
        }
        event.setDropCompleted(accepted);
        event.consume();
    }

    private void rename(ReferenceShot shot) {
        TextInputDialog dialog = new TextInputDialog(shot.name());
        dialog.setTitle("Rename reference");
        dialog.setHeaderText(null);
        dialog.setContentText("Name:");
        dialog.initOwner(getScene().getWindow());
        Optional<String> name = dialog.showAndWait();
        name.ifPresent(n -> viewModel.renameReference(shot.id(), n));
    }

    private static HBox spacer() {
        HBox box = new HBox();
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** One reference: thumbnail, name, scale label, enable toggle; a context menu for the rest. */
    private final class ReferenceCell extends ListCell<ReferenceShot> {

        private final ImageView thumbnail = new ImageView();
        private final Label name = new Label();
        private final Label scale = new Label();
        private final CheckBox enabled = new CheckBox("Use");
        private final Label noSkeleton = new Label("no skeleton: detect or place it");
        private final VBox text = new VBox(4, name, scale, enabled, noSkeleton);
        private final HBox root = new HBox(8, new StackPane(thumbnail), text);

        ReferenceCell() {
            thumbnail.setFitWidth(THUMBNAIL);
            thumbnail.setFitHeight(THUMBNAIL);
            thumbnail.setPreserveRatio(true);
            name.getStyleClass().add("reference-name");
            scale.getStyleClass().add("shot-scale");
            noSkeleton.getStyleClass().add("reference-warning");
            root.setAlignment(Pos.CENTER_LEFT);
            enabled.setOnAction(e -> {
                ReferenceShot shot = getItem();
                if (shot != null) {
                    viewModel.setReferenceEnabled(shot.id(), enabled.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(ReferenceShot shot, boolean empty) {
            super.updateItem(shot, empty);
            if (empty || shot == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            Image image = thumbnails.thumbnail(shot.imageFile());
            thumbnail.setImage(image);
            name.setText(shot.name().isBlank() ? shot.id() : shot.name());
            scale.setText(shot.scale().label());
            enabled.setSelected(shot.enabled());
            boolean missing = !shot.hasSkeleton();
            noSkeleton.setVisible(missing);
            noSkeleton.setManaged(missing);
            root.setOpacity(shot.enabled() ? 1.0 : 0.55);
            setGraphic(root);
            setContextMenu(contextMenu(shot));
        }

        private ContextMenu contextMenu(ReferenceShot shot) {
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> rename(shot));
            Menu scaleMenu = new Menu("Shot scale");
            ToggleGroup group = new ToggleGroup();
            for (ShotScale value : ShotScale.values()) {
                RadioMenuItem item = new RadioMenuItem(value.label());
                item.setToggleGroup(group);
                item.setSelected(value == shot.scale());
                item.setOnAction(e -> viewModel.setReferenceScale(shot.id(), value));
                scaleMenu.getItems().add(item);
            }
            MenuItem toggle = new MenuItem(shot.enabled() ? "Disable" : "Enable");
            toggle.setOnAction(e -> viewModel.setReferenceEnabled(shot.id(), !shot.enabled()));
            MenuItem remove = new MenuItem("Remove");
            remove.setOnAction(e -> viewModel.removeReference(shot.id()));
            ContextMenu menu = new ContextMenu(rename, scaleMenu, toggle);
            if (!viewModel.referenceCommands().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                for (ReferenceCommand command : viewModel.referenceCommands()) {
                    MenuItem item = new MenuItem(command.text());
                    item.setId(command.id());
                    item.setOnAction(e -> command.action().accept(shot.id()));
                    menu.getItems().add(item);
                }
            }
            menu.getItems().addAll(new SeparatorMenuItem(), remove);
            return menu;
        }
    }

    /** Thumbnails decoded in the background by JavaFX and kept per image file of the open bundle. */
    static final class ThumbnailCache {
        private final double size;
        private final java.util.Map<String, Image> cache = new java.util.HashMap<>();
        private Path bundle;

        ThumbnailCache(double size) {
            this.size = size;
        }

        void setBundle(Path newBundle) {
            if (!newBundle.equals(bundle)) {
                cache.clear();
                bundle = newBundle;
            }
        }

        Image thumbnail(String imageFile) {
            return cache.computeIfAbsent(imageFile, f -> new Image(
                    bundle.resolve("references").resolve(f).toUri().toString(), size, size, true, true, true));
        }
    }
}
