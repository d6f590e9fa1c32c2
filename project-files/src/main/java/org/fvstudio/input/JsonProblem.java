package org.fvstudio.input;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What is wrong with a JSON text, in FV Studio's words: place (line, column) and problem, never the JSON library's
 * message with its source descriptions, feature flags and constraint getters. {@link #toString()} reads
 * "line 47, column 8: the file ends inside an array", ready to follow "project.json is not valid JSON at ".
 *
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record JsonProblem(int line, int column, String problem) {

    private record Rule(Pattern pattern, Function<Matcher, String> words) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Unexpected end-of-input(?: in (?:VALUE_STRING|field name)|.*closing quote).*",
                    m -> "the file ends inside a text value"),
            rule("Unexpected end-of-input.*(?:Array|array).*", m -> "the file ends inside an array"),
            rule("Unexpected end-of-input.*(?:Object|object).*", m -> "the file ends inside an object"),
            rule("Unexpected end-of-input.*", m -> "the file ends too early"),
            rule("Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\)(?: in numeric value)?: was expecting "
                    + "double-quote to start field name.*", m -> "found '" + m.group(1)
                    + "' where a field name in double quotes should be"),
            rule("Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\): was expecting a colon.*",
                    m -> "found '" + m.group(1) + "' where a colon should follow the field name"),
            rule("Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\): was expecting comma to separate (Array|Object) entries.*",
                    m -> "found '" + m.group(1) + "' where a comma should separate the " + m.group(2).toLowerCase(Locale.ROOT)
                            + "'s entries"),
            rule("Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\) in numeric value.*",
                    m -> "found '" + m.group(1) + "' inside a number"),
            rule("Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\).*",
                    m -> "found '" + m.group(1) + "' where a value should be"),
            rule("Non-standard token '(.+?)'.*", m -> m.group(1) + " is not a number JSON allows"),
            rule("Duplicate field '(.+?)'.*", m -> "\"" + m.group(1) + "\" is given twice in one object (one of the "
                    + "two values would be lost)"),
            rule("Unrecognized token '(.+?)'.*", m -> "'" + m.group(1) + "' is not a JSON value (text needs double quotes)"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    m -> "control character " + m.group(1) + " inside a text value (it must be escaped)"),
            rule("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    m -> "control character " + m.group(1) + " between values"),
            rule("Invalid UTF-8.*", m -> "not UTF-8 text"),
            rule("Invalid numeric value: (.*)", m -> "invalid number: " + lowerFirst(m.group(1))),
            rule("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "a number " + m.group(1) + " digits long (at most " + m.group(2) + ")"),
            rule("String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "a text value " + m.group(1) + " characters long (at most " + m.group(2) + ")"),
            rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "nested more than " + m.group(2) + " levels deep"),
            rule("Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "a field name " + m.group(1) + " characters long (at most " + m.group(2) + ")"),
            rule("Trailing token.*", m -> "more content after the end of the JSON value"));

    public static JsonProblem of(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where == null ? 0 : Math.max(0, where.getLineNr());
        int column = where == null ? 0 : Math.max(0, where.getColumnNr());
        return new JsonProblem(line, column, inOwnWords(e.getOriginalMessage()));
    }

    /** "line 47, column 8", or "" when the place is unknown. */
    public String place() {
        if (line <= 0) {
            return "";
        }
        return column <= 0 ? "line " + line : "line " + line + ", column " + column;
    }

    @Override
    public String toString() {
        return place().isEmpty() ? problem : place() + ": " + problem;
    }

    static String inOwnWords(String libraryMessage) {
        if (libraryMessage == null || libraryMessage.isBlank()) {
            return "not valid JSON";
        }
        String message = libraryMessage.strip();
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(firstLine);
            if (m.matches()) {
                return rule.words().apply(m);
            }
        }
        // A message no rule knows: keep its words, drop what only the library's authors can read.
        String cleaned = firstLine.replaceAll("\\s*\\((?:start marker at )?\\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*\\([^)]*`[^`]*`[^)]*\\)", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll("\\s*\\(code \\d+(?: / 0x\\p{XDigit}+)?\\)", "")
                .strip();
        return cleaned.isEmpty() ? "not valid JSON" : lowerFirst(cleaned);
    }

    private static Rule rule(String regex, Function<Matcher, String> words) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), words);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
