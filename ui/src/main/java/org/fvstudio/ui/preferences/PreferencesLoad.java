package org.fvstudio.ui.preferences;

import java.util.List;

/**
 * What loading the preferences file gave: the values to use, the warnings to show (each naming the
 * file and the problem), and whether a file existed at all (no file = first run).
 */
public record PreferencesLoad(Preferences preferences, List<String> warnings, boolean fileExisted) {

    public PreferencesLoad {
        warnings = List.copyOf(warnings);
    }

    public boolean firstRun() {
        return !fileExisted;
    }
}
