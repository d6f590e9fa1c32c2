package org.fvstudio.app.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frame lists in the range grammar the farm engines write: the {@code <IntRangeExpr>} of the Open Job
 * Description template schemas, version 2023-09 (section 3.4.1.1.1): comma-separated elements, each an
 * integer {@code 7}, a range {@code 1-100} or a range with a non-zero step {@code 7-20:2}, with spaces or tabs
 * around elements and around the range's dash. A range {@code x-y} holds x and every x + m (m > 0) up to y, so
 * {@code 5-3} is just 5; a negative step counts down. No two ranges may overlap; the values come out in
 * increasing order.
 */
public final class FrameRanges {

    private static final String INT = "(-?[0-9]+)";
    private static final Pattern ELEMENT = Pattern.compile("[ \\t]*" + INT + "(?:[ \\t]*-[ \\t]*" + INT + "(?::" + INT
            + ")?)?[ \\t]*");

    /** More values than a project can have frames (1,000,000): refused before any list is built. */
    static final long MAX_VALUES = 1_000_000;

    private FrameRanges() {
    }

    /** One element of an expression: its values and the interval its two ends span (for the overlap rule). */
    private record Element(String text, long low, long high, List<Integer> values) {
    }

    /**
     * The values of {@code expression}, increasing.
     *
     * @throws IllegalArgumentException naming the element that is not of the grammar, or the two that overlap
     */
    public static List<Integer> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("an empty frame range; write frames like 1-100 or 1,3,7-20:2");
        }
        List<Element> elements = new ArrayList<>();
        for (String part : expression.split(",", -1)) {
            elements.add(element(part, expression));
        }
        List<Element> byStart = new ArrayList<>(elements);
        byStart.sort((a, b) -> Long.compare(a.low(), b.low()));
        for (int i = 1; i < byStart.size(); i++) {
            Element previous = byStart.get(i - 1);
            Element next = byStart.get(i);
            if (next.low() <= previous.high()) {
                throw new IllegalArgumentException("'" + previous.text().strip() + "' and '" + next.text().strip()
                        + "' overlap in the frame range '" + expression + "'; ranges may not overlap");
            }
        }
        List<Integer> values = new ArrayList<>();
        for (Element e : byStart) {
            values.addAll(e.values());
        }
        return List.copyOf(values);
    }

    private static Element element(String part, String expression) {
        Matcher m = ELEMENT.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + part.strip() + "' in the frame range '" + expression
                    + "' is not a frame, a range A-B or a range with a step A-B:N");
        }
        int first = number(m.group(1), expression);
        if (m.group(2) == null) {
            return new Element(part, first, first, List.of(first));
        }
        int last = number(m.group(2), expression);
        int step = m.group(3) == null ? 1 : number(m.group(3), expression);
        if (step == 0) {
            throw new IllegalArgumentException("'" + part.strip() + "' in the frame range '" + expression
                    + "' has a step of 0; the step must not be zero");
        }
        long count = step > 0 ? (last < first ? 1 : ((long) last - first) / step + 1)
                : (last > first ? 1 : ((long) first - last) / -(long) step + 1);
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException("'" + part.strip() + "' in the frame range '" + expression + "' has "
                    + count + " frames; a project has at most " + MAX_VALUES);
        }
        List<Integer> values = new ArrayList<>();
        values.add(first);
        for (long v = (long) first + step; step > 0 ? v <= last : v >= last; v += step) {
            values.add((int) v);
        }
        values.sort(Integer::compare);
        return new Element(part, Math.min(first, last), Math.max(first, last), values);
    }

    private static int number(String digits, String expression) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + digits + "' in the frame range '" + expression + "' is too large");
        }
    }

    /** The shortest expression of increasing {@code frames}: runs of consecutive frames as {@code a-b}. */
    public static String format(List<Integer> frames) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < frames.size()) {
            int start = frames.get(i);
            int end = start;
            while (i + 1 < frames.size() && frames.get(i + 1) == end + 1) {
                end = frames.get(++i);
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(start == end ? Integer.toString(start) : start + "-" + end);
            i++;
        }
        return out.toString();
    }
}
