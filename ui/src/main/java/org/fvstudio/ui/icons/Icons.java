package org.fvstudio.ui.icons;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.kordamp.ikonli.Ikon;

/** The Material Design 2 icons the studio uses, in one place so their meaning stays consistent. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon newProject() {
        return icon(MaterialDesignF.FILE_PLUS_OUTLINE);
    }

    public static FontIcon open() {
        return icon(MaterialDesignF.FOLDER_OPEN_OUTLINE);
    }

    public static FontIcon save() {
        return icon(MaterialDesignC.CONTENT_SAVE_OUTLINE);
    }

    public static FontIcon undo() {
        return icon(MaterialDesignU.UNDO);
    }

    public static FontIcon redo() {
        return icon(MaterialDesignR.REDO);
    }

    public static FontIcon importImage() {
        return icon(MaterialDesignI.IMAGE_PLUS);
    }

    public static FontIcon importPoses() {
        return icon(MaterialDesignA.ACCOUNT_MULTIPLE_PLUS_OUTLINE);
    }

    public static FontIcon fit() {
        return icon(MaterialDesignF.FIT_TO_PAGE_OUTLINE);
    }

    public static FontIcon randomSeed() {
        return icon(MaterialDesignD.DICE_5_OUTLINE);
    }

    public static FontIcon warning() {
        return icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
    }

    public static FontIcon working() {
        return icon(MaterialDesignW.WRENCH_OUTLINE);
    }

    private static FontIcon icon(Ikon ikon) {
        FontIcon icon = FontIcon.of(ikon, 18);
        icon.getStyleClass().add("studio-icon");
        return icon;
    }
}
