package org.fvstudio.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javafx.scene.input.KeyCombination;

import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 12: the README's shortcut section is the shortcut table, as {@link ShortcutTable#markdown()}
 * writes it. Run with {@code -Dfvstudio.updateReadme=true} to rewrite the section after changing the table.
 */
class ReadmeShortcutsTest {

    static final String BEGIN = "<!-- shortcuts:begin (generated from ui/.../keys/StudioShortcut.java;"
            + " ReadmeShortcutsTest checks it) -->";
    static final String END = "<!-- shortcuts:end -->";
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeShortcutSectionIsTheTable() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the line %s", BEGIN).isNotNegative();
        assertThat(end).as("README.md has the line %s after the table", END).isGreaterThan(begin);
        String section = readme.substring(begin + BEGIN.length(), end).strip() + "\n";
        String expected = ShortcutTable.markdown();
        if (!section.equals(expected) && Boolean.getBoolean("fvstudio.updateReadme")) {
            Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + "\n" + expected
                    + readme.substring(end), StandardCharsets.UTF_8);
            section = expected;
        }
        assertThat(section).as("README.md's shortcut table (rerun with -Dfvstudio.updateReadme=true to rewrite it)")
                .isEqualTo(expected);
    }

    @Test
    void theTableListsTheKeysArtistsExpectAndNoKeyTwice() {
        String table = ShortcutTable.markdown();
        for (String key : new String[] {"| Space |", "| J |", "| K |", "| L |", "| Left |", "| Right |",
                "| Down / Alt+Left |", "| Up / Alt+Right |", "| I |", "| O |", "| M |", "| Delete / Backspace |", "| F |",
                "| H |", "| C |", "| Esc |", "| Ctrl+Z |"}) {
            assertThat(table).contains(key);
        }
        Set<KeyCombination> seen = new HashSet<>();
        for (StudioShortcut shortcut : StudioShortcut.values()) {
            for (KeyStroke key : shortcut.keys()) {
                if (!key.isGesture()) {
                    assertThat(seen.add(key.combination())).as("%s of %s is listed once", key.text("Ctrl"), shortcut)
                            .isTrue();
                }
            }
        }
    }
}
