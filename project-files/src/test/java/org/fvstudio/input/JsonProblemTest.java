package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a": [1, 2,                        | line 1, column 13: the file ends inside an array
            {"a": {"b": 1                       | line 1, column 14: the file ends inside an object
            {"a": "abc                          | line 1, column 11: the file ends inside a text value
            {"a": 1,}                           | line 1, column 9: found '}' where a field name in double quotes should be
            {"a": 1, ⍚}                         | line 1, column 10: found '⍚' where a field name in double quotes should be
            [1 ⍚]                               | line 1, column 4: found '⍚' where a comma should separate the array's entries
            {"a" 1}                             | line 1, column 6: found '1' where a colon should follow the field name
            [1 2]                               | line 1, column 4: found '2' where a comma should separate the array's entries
            {"a": NaN}                          | line 1, column 10: NaN is not a number JSON allows
            {"a": nan}                          | line 1, column 10: 'nan' is not a JSON value (text needs double quotes)
            {"a": 01}                           | line 1, column 8: invalid number: leading zeroes not allowed
            {"a": 1} {"b": 2}                   | line 1, column 10: more content after the end of the JSON value
            """)
    void jacksonsMessagesAreSaidInOurWords(String json, String expected) {
        assertThatThrownBy(() -> JsonFiles.parse(json, "x.json"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problem()).isEqualTo("not valid JSON at " + expected));
    }

    @Test
    void constraintBreachesHaveNoPlaceButNoLibraryNamesEither() {
        assertThatThrownBy(() -> JsonFiles.parse("[".repeat(1500) + "]".repeat(1500), "deep.json"))
                .hasMessage("deep.json: not valid JSON: nested more than 1000 levels deep");
        assertThatThrownBy(() -> JsonFiles.parse("{\"n\": " + "7".repeat(1001) + "}", "long.json"))
                .hasMessage("long.json: not valid JSON: a number 1001 digits long (at most 1000)");
    }

    /** Issue 20 item 12: nothing is lost silently, so a key given twice is refused, with its place. */
    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> JsonFiles.parse("{\n  \"fps\": 24,\n  \"fps\": 30\n}", "project.json"))
                .hasMessage("project.json: not valid JSON at line 3, column 8: \"fps\" is given twice in one object "
                        + "(one of the two values would be lost)");
    }

    @Test
    void anUnknownMessageKeepsItsWordsWithoutSourceDescriptionsOrFeatureNames() {
        String unknown = "Unexpected thing (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                + " disabled); line: 47, column: 8]) for `JsonReadFeature.X` (code 12)";
        assertThat(JsonProblem.inOwnWords(unknown)).startsWith("unexpected thing")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "JsonReadFeature", "`", "code 12", "line: 47");
        assertThat(JsonProblem.inOwnWords(null)).isEqualTo("not valid JSON");
    }

    @Test
    void aFileAboveItsLimitIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pack.json");
        Files.writeString(file, "{\"format\": \"" + "x".repeat(2000) + "\"}");
        assertThatThrownBy(() -> JsonFiles.readTree(file, "pack.json", 1024, "a pack.json"))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage("pack.json: weighs 2.0 KB, more than the 1.0 KB FV Studio reads for a pack.json");
        assertThat(JsonFiles.readTree(file, "pack.json", 4096, "a pack.json").path("format").asText()).hasSize(2000);
    }
}
