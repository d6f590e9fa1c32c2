package org.fvstudio.app.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The range grammar of the Open Job Description template schemas 2023-09, section 3.4.1.1.1 ({@code <IntRangeExpr>}),
 * checked against the examples of its table, plus the chunking and the context segments built on it.
 */
class FrameRangesTest {

    @Test
    void theSpecificationsExamplesGiveItsValues() {
        assertThat(FrameRanges.parse("1 - 5")).containsExactly(1, 2, 3, 4, 5);
        assertThat(FrameRanges.parse("1 - -1")).containsExactly(1);
        assertThat(FrameRanges.parse("-1 - 1")).containsExactly(-1, 0, 1);
        assertThat(FrameRanges.parse("1-5:2")).containsExactly(1, 3, 5);
        assertThat(FrameRanges.parse("10-15:2,1-5")).containsExactly(1, 2, 3, 4, 5, 10, 12, 14);
        assertThat(FrameRanges.parse("1-10:4")).containsExactly(1, 5, 9);
        assertThatThrownBy(() -> FrameRanges.parse("1-10:4,10-15")).hasMessageContaining("overlap");
    }

    @Test
    void farmExpressionsAndTheirFormattingRoundTrip() {
        List<Integer> frames = FrameRanges.parse("1,3,7-20:2");
        assertThat(frames).containsExactly(1, 3, 7, 9, 11, 13, 15, 17, 19);
        assertThat(FrameRanges.parse("\t4 ,  9-11 ")).containsExactly(4, 9, 10, 11);
        assertThat(FrameRanges.parse("20-10:-5")).containsExactly(10, 15, 20);
        assertThat(FrameRanges.format(FrameRanges.parse("0-3,5,7-9"))).isEqualTo("0-3,5,7-9");
    }

    @Test
    void whatTheGrammarDoesNotAllowIsRefusedWithTheElement() {
        assertThatThrownBy(() -> FrameRanges.parse("1-5:0")).hasMessageContaining("step of 0");
        assertThatThrownBy(() -> FrameRanges.parse("1-5: 2")).hasMessageContaining("'1-5: 2'");
        assertThatThrownBy(() -> FrameRanges.parse("1,,3")).hasMessageContaining("''");
        assertThatThrownBy(() -> FrameRanges.parse("a-b")).hasMessageContaining("'a-b'");
        assertThatThrownBy(() -> FrameRanges.parse("3,3")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> FrameRanges.parse("0-2147483647")).hasMessageContaining("at most 1000000");
        assertThatThrownBy(() -> FrameRanges.parse("99999999999")).hasMessageContaining("too large");
    }

    @Test
    void chunksAreContiguousBalancedAndCoverEveryFrameOnce() {
        assertThat(FrameSelection.resolve("0-9", "0/3", false, 10)).containsExactly(0, 1, 2);
        assertThat(FrameSelection.resolve("0-9", "1/3", false, 10)).containsExactly(3, 4, 5);
        assertThat(FrameSelection.resolve("0-9", "2/3", false, 10)).containsExactly(6, 7, 8, 9);
        assertThat(FrameSelection.resolve(null, "5/6", false, 10)).containsExactly(8, 9);
        assertThatThrownBy(() -> FrameSelection.resolve(null, "3/3", false, 10)).hasMessageContaining("0 to N-1");
        assertThatThrownBy(() -> FrameSelection.resolve("0-1", "0/3", false, 10)).hasMessageContaining("3 chunks of only 2");
    }

    @Test
    void framesBeyondTheProjectAreRefusedUnlessClamped() {
        assertThatThrownBy(() -> FrameSelection.resolve("8-12", null, false, 10))
                .hasMessageContaining("--frames 8-12 is outside the project's frames 0-9 (frames 10-12; --clamp drops them)");
        assertThat(FrameSelection.resolve("8-12", null, true, 10)).containsExactly(8, 9);
        assertThatThrownBy(() -> FrameSelection.resolve("20-30", null, true, 10)).hasMessageContaining("names no frame");
    }

    @Test
    void aTemporalChunkGeneratesTheWholeSegmentsAlignedToFrameZero() {
        assertThat(ContextSegments.framesToGenerate(List.of(5, 6), 1, 40)).containsExactly(5, 6);
        // segments of 4: [4,8) and [8,12) hold frames 6..9
        assertThat(ContextSegments.framesToGenerate(List.of(6, 7, 8, 9), 4, 40)).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
        // the last segment is cut at the project's end
        assertThat(ContextSegments.framesToGenerate(List.of(9), 4, 10)).containsExactly(8, 9);
        assertThat(ContextSegments.framesToGenerate(List.of(0, 9), 4, 10)).containsExactly(0, 1, 2, 3, 8, 9);
    }
}
