package org.fvstudio.motion.bvh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fvstudio.input.InputLimits;
import org.fvstudio.input.TextEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Biovision Hierarchy files: HIERARCHY (ROOT/JOINT blocks with OFFSET, CHANNELS in any order
 * and End Site) and MOTION (Frames, Frame Time, one row of channel values per line).
 *
 * <p>Tolerated with a warning (see {@link BvhMotion#warnings()}): data rows beyond the declared frame
 * count are ignored. Every other irregularity - a wrong channel count, a short or long row, a
 * non-numeric value, fewer rows than declared - is a {@link BvhFormatException} naming file and line.
 */
public final class BvhParser {

    private static final Logger LOG = LoggerFactory.getLogger(BvhParser.class);
    private static final String MAX_VALUE_TEXT = "-" + (long) InputLimits.MAX_COORDINATE + ".."
            + (long) InputLimits.MAX_COORDINATE;

    private BvhParser() {
    }

    /** Reads {@code file}, refusing one larger than {@link InputLimits#BVH_MAX_BYTES} unread. */
    public static BvhMotion parse(Path file) throws IOException, BvhFormatException {
        InputLimits.checkFileSize(file, InputLimits.BVH_MAX_BYTES, "a BVH file");
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (CharacterCodingException e) {
            // The decoder says only "Input length = 1"; find the byte and its line.
            TextEncoding.InvalidByte bad = TextEncoding.firstInvalidUtf8(file).orElseThrow(() -> e);
            throw new BvhFormatException(file.toString(), bad.line(), "not UTF-8 text (byte " + bad.hex() + " at offset "
                    + bad.offset() + "); a BVH file is plain text: save it as UTF-8 or ASCII");
        }
    }

    public static BvhMotion parse(Reader reader, String source) throws IOException, BvhFormatException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        return new Session(source, lines).run();
    }

    private record Token(String text, int line) {
    }

    private static final class Session {
        private final String source;
        private final BufferedReader in;
        private int lineNumber;
        private final List<Token> hierarchy = new ArrayList<>();
        private int position;
        private final List<BvhJoint> joints = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int channelCount;
        private final List<String> warnings = new ArrayList<>();

        Session(String source, BufferedReader in) {
            this.source = source;
            this.in = in;
        }

        BvhMotion run() throws IOException, BvhFormatException {
            int motionLine = readHierarchyTokens();
            parseHierarchy();
            if (motionLine < 0) {
                throw error(lineNumber, "no MOTION section");
            }
            return parseMotion();
        }

        /** Tokenises up to the MOTION line; returns its number or -1 if absent. */
        private int readHierarchyTokens() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.equalsIgnoreCase("MOTION")) {
                    return lineNumber;
                }
                for (String t : trimmed.split("\\s+")) {
                    if (!t.isEmpty()) {
                        splitBraces(t);
                    }
                }
            }
            return -1;
        }

        private void splitBraces(String t) {
            StringBuilder word = new StringBuilder();
            for (char ch : t.toCharArray()) {
                if (ch == '{' || ch == '}') {
                    if (word.length() > 0) {
                        hierarchy.add(new Token(word.toString(), lineNumber));
                        word.setLength(0);
                    }
                    hierarchy.add(new Token(String.valueOf(ch), lineNumber));
                } else {
                    word.append(ch);
                }
            }
            if (word.length() > 0) {
                hierarchy.add(new Token(word.toString(), lineNumber));
            }
        }

        private void parseHierarchy() throws BvhFormatException {
            Token first = next("HIERARCHY");
            if (!first.text().equalsIgnoreCase("HIERARCHY")) {
                throw error(first.line(), "expected HIERARCHY, found '" + first.text() + "'");
            }
            if (!hasNext() || !peek().text().equalsIgnoreCase("ROOT")) {
                throw error(hasNext() ? peek().line() : lineNumber, "expected ROOT after HIERARCHY");
            }
            while (hasNext()) {
                Token t = next("ROOT");
                if (!t.text().equalsIgnoreCase("ROOT")) {
                    throw error(t.line(), "expected ROOT or MOTION, found '" + t.text() + "'");
                }
                parseJoint(-1);
            }
        }

        /** A joint whose block is being read: what has been found in it so far. */
        private static final class OpenJoint {
            final Token name;
            final int parent;
            final int index;
            Vec3 offset;
            List<BvhChannel> channels = List.of();
            int firstChannel;
            Vec3 endSite;

            OpenJoint(Token name, int parent, int index, int firstChannel) {
                this.name = name;
                this.parent = parent;
                this.index = index;
                this.firstChannel = firstChannel;
            }
        }

        /** Reads a ROOT and its joints with a stack of open blocks, not recursion: depth costs no thread stack. */
        private void parseJoint(int parent) throws BvhFormatException {
            Deque<OpenJoint> open = new ArrayDeque<>();
            open.push(begin(parent));
            while (!open.isEmpty()) {
                OpenJoint joint = open.peek();
                String name = joint.name.text();
                Token t = next("'}' closing joint " + name);
                String key = t.text();
                if (key.equals("}")) {
                    finish(open.pop());
                } else if (key.equalsIgnoreCase("OFFSET")) {
                    joint.offset = readVec3("OFFSET of " + name);
                } else if (key.equalsIgnoreCase("CHANNELS")) {
                    joint.channels = readChannels(name, t.line());
                    joint.firstChannel = channelCount;
                    channelCount += joint.channels.size();
                } else if (key.equalsIgnoreCase("JOINT")) {
                    if (open.size() >= InputLimits.BVH_MAX_DEPTH) {
                        throw error(t.line(), "joints nested more than " + InputLimits.BVH_MAX_DEPTH
                                + " deep, more than FV Studio reads (a human skeleton is about 10 deep)");
                    }
                    open.push(begin(joint.index));
                } else if (key.equalsIgnoreCase("End")) {
                    Token site = next("Site");
                    if (!site.text().equalsIgnoreCase("Site")) {
                        throw error(site.line(), "expected 'End Site', found 'End " + site.text() + "'");
                    }
                    expect("{");
                    Token off = next("OFFSET");
                    if (!off.text().equalsIgnoreCase("OFFSET")) {
                        throw error(off.line(), "End Site of " + name + " needs an OFFSET");
                    }
                    joint.endSite = readVec3("End Site OFFSET of " + name);
                    expect("}");
                } else {
                    throw error(t.line(), "unexpected '" + key + "' in joint " + name);
                }
            }
        }

        private OpenJoint begin(int parent) throws BvhFormatException {
            Token name = next("joint name");
            if (name.text().equals("{")) {
                throw error(name.line(), "joint without a name");
            }
            if (!names.add(name.text())) {
                throw error(name.line(), "joint name '" + name.text() + "' used twice");
            }
            expect("{");
            joints.add(null);
            return new OpenJoint(name, parent, joints.size() - 1, channelCount);
        }

        private void finish(OpenJoint joint) throws BvhFormatException {
            if (joint.offset == null) {
                throw error(joint.name.line(), "joint " + joint.name.text() + " has no OFFSET");
            }
            joints.set(joint.index, new BvhJoint(joint.name.text(), joint.parent, joint.offset, joint.channels,
                    joint.firstChannel, joint.endSite));
        }

        private List<BvhChannel> readChannels(String joint, int line) throws BvhFormatException {
            Token countToken = next("channel count");
            int count;
            try {
                count = Integer.parseInt(countToken.text());
            } catch (NumberFormatException e) {
                throw error(countToken.line(), "channel count of " + joint + " is not a number: '" + countToken.text() + "'");
            }
            if (count < 0 || count > 6) {
                throw error(countToken.line(), "joint " + joint + " declares " + count + " channels (0 to 6 allowed)");
            }
            List<BvhChannel> channels = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (!hasNext()) {
                    throw error(line, "joint " + joint + " declares " + count + " channels but the file ends");
                }
                Token t = peek();
                Optional<BvhChannel> channel = BvhChannel.parse(t.text());
                if (channel.isEmpty()) {
                    throw error(t.line(), "joint " + joint + " declares " + count + " channels but lists " + i
                            + " ('" + t.text() + "' is not a channel name)");
                }
                position++;
                if (channels.contains(channel.get())) {
                    throw error(t.line(), "joint " + joint + " lists channel " + t.text() + " twice");
                }
                channels.add(channel.get());
            }
            if (hasNext() && BvhChannel.parse(peek().text()).isPresent()) {
                throw error(peek().line(), "joint " + joint + " declares " + count + " channels but lists more");
            }
            return channels;
        }

        private Vec3 readVec3(String what) throws BvhFormatException {
            double x = number(next(what), what);
            double y = number(next(what), what);
            double z = number(next(what), what);
            return new Vec3(x, y, z);
        }

        private double number(Token t, String what) throws BvhFormatException {
            try {
                double v = Double.parseDouble(t.text());
                if (Double.isFinite(v) && Math.abs(v) <= InputLimits.MAX_COORDINATE) {
                    return v;
                }
                if (Double.isFinite(v)) {
                    throw error(t.line(), what + ": " + t.text() + " is outside " + MAX_VALUE_TEXT);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(t.line(), what + ": '" + t.text() + "' is not a number");
        }

        private BvhMotion parseMotion() throws IOException, BvhFormatException {
            String framesLine = nextNonBlankLine("a 'Frames:' line");
            int framesLineNumber = lineNumber;
            String framesValue = afterLabel(framesLine, "Frames:");
            int frames;
            try {
                frames = Integer.parseInt(framesValue);
            } catch (NumberFormatException e) {
                throw error(framesLineNumber, "expected 'Frames: <count>', found '" + framesLine.strip() + "'");
            }
            if (frames < 1) {
                throw error(framesLineNumber, "frame count must be at least 1, got " + frames);
            }
            if (frames > InputLimits.BVH_MAX_FRAMES) {
                throw error(framesLineNumber, "declares " + frames + " frames, more than the " + InputLimits.BVH_MAX_FRAMES
                        + " FV Studio reads");
            }
            String timeLine = nextNonBlankLine("a 'Frame Time:' line");
            int timeLineNumber = lineNumber;
            double frameTime;
            try {
                frameTime = Double.parseDouble(afterLabel(timeLine, "Frame Time:"));
            } catch (NumberFormatException e) {
                throw error(timeLineNumber, "expected 'Frame Time: <seconds>', found '" + timeLine.strip() + "'");
            }
            if (!(frameTime > 0) || !Double.isFinite(frameTime)) {
                throw error(timeLineNumber, "frame time must be a positive number of seconds, got " + frameTime);
            }
            if (channelCount == 0) {
                throw error(timeLineNumber, "the hierarchy has no channels to animate");
            }
            if ((long) frames * channelCount > Integer.MAX_VALUE - 8) {
                throw error(framesLineNumber, frames + " frames of " + channelCount + " channels are more values than"
                        + " FV Studio can hold");
            }
            // Grown as rows arrive: the declared count alone must not make memory be set aside.
            double[] values = new double[Math.min(frames, 1024) * channelCount];
            int read = 0;
            int surplus = 0;
            int firstSurplusLine = -1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (read == frames) {
                    if (surplus++ == 0) {
                        firstSurplusLine = lineNumber;
                    }
                    continue;
                }
                if ((read + 1) * channelCount > values.length) {
                    values = Arrays.copyOf(values, (int) Math.min((long) frames * channelCount, 2L * values.length));
                }
                parseRow(trimmed, values, read * channelCount, read);
                read++;
            }
            if (read < frames) {
                throw error(lineNumber, "motion is truncated: 'Frames: " + frames + "' but only " + read + " rows of data");
            }
            if (surplus > 0) {
                String warning = source + ":" + firstSurplusLine + ": " + surplus + " data row(s) beyond 'Frames: "
                        + frames + "' ignored";
                warnings.add(warning);
                LOG.warn(warning);
            }
            return new BvhMotion(source, joints, channelCount, frames, frameTime, values, warnings);
        }

        private void parseRow(String row, double[] values, int at, int frame) throws BvhFormatException {
            String[] parts = row.split("\\s+");
            if (parts.length != channelCount) {
                throw error(lineNumber, "frame " + frame + " has " + parts.length + " values, expected " + channelCount
                        + " (one per channel)");
            }
            for (int c = 0; c < channelCount; c++) {
                double v;
                try {
                    v = Double.parseDouble(parts[c]);
                } catch (NumberFormatException e) {
                    throw error(lineNumber, "frame " + frame + ", " + describeChannel(c) + ": '" + parts[c] + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw error(lineNumber, "frame " + frame + ", " + describeChannel(c) + ": value " + parts[c] + " is not finite");
                }
                if (Math.abs(v) > InputLimits.MAX_COORDINATE) {
                    throw error(lineNumber, "frame " + frame + ", " + describeChannel(c) + ": value " + parts[c]
                            + " is outside " + MAX_VALUE_TEXT);
                }
                values[at + c] = v;
            }
        }

        private String describeChannel(int column) {
            for (BvhJoint j : joints) {
                int local = column - j.firstChannel();
                if (local >= 0 && local < j.channels().size()) {
                    return "channel " + j.channels().get(local).bvhName() + " of joint " + j.name();
                }
            }
            return "column " + (column + 1);
        }

        private String nextNonBlankLine(String what) throws IOException, BvhFormatException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    return line;
                }
            }
            throw error(lineNumber, "file ends where " + what + " was expected");
        }

        private static String afterLabel(String line, String label) {
            String normalized = line.strip().replaceAll("\\s+", " ");
            if (normalized.regionMatches(true, 0, label, 0, label.length())) {
                return normalized.substring(label.length()).strip();
            }
            return "";
        }

        private boolean hasNext() {
            return position < hierarchy.size();
        }

        private Token peek() {
            return hierarchy.get(position);
        }

        private Token next(String expected) throws BvhFormatException {
            if (!hasNext()) {
                throw error(lineNumber, hierarchy.isEmpty() ? "is empty, not a BVH file"
                        : "hierarchy ends where " + expected + " was expected");
            }
            return hierarchy.get(position++);
        }

        private void expect(String text) throws BvhFormatException {
            Token t = next("'" + text + "'");
            if (!t.text().equals(text)) {
                throw error(t.line(), "expected '" + text + "', found '" + t.text() + "'");
            }
        }

        private BvhFormatException error(int line, String problem) {
            return new BvhFormatException(source, Math.max(1, line), problem);
        }
    }
}
