package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fvstudio.project.Project;
import org.junit.jupiter.api.Test;

class TimelineMarksTest {

    @Test
    void markersAreKeptSortedAndOnePerFrame() {
        TimelineMarks marks = new TimelineMarks(2, 9, List.of(new TimelineMarker(7, "b"), new TimelineMarker(3, " a ")));
        assertThat(marks.markers()).containsExactly(new TimelineMarker(3, "a"), new TimelineMarker(7, "b"));
        assertThatThrownBy(() -> new TimelineMarks(-1, -1, List.of(TimelineMarker.at(4), new TimelineMarker(4, "x"))))
                .hasMessage("two markers at frame 4");
        assertThatThrownBy(() -> new TimelineMarks(9, 2, List.of())).hasMessage("the in point 9 lies after the out point 2");
    }

    @Test
    void settingOneEndUnsetsTheOtherWhenTheyWouldCross() {
        TimelineMarks marks = TimelineMarks.NONE.withIn(10).withOut(20);
        assertThat(marks.withIn(25)).isEqualTo(new TimelineMarks(25, TimelineMarks.UNSET, List.of()));
        assertThat(marks.withOut(5)).isEqualTo(new TimelineMarks(TimelineMarks.UNSET, 5, List.of()));
        assertThat(marks.withoutRange().isEmpty()).isTrue();
    }

    @Test
    void toggleAddsThenRemovesAndKeepsLabelsOfOthers() {
        TimelineMarks marks = TimelineMarks.NONE.withMarker(new TimelineMarker(12, "cut")).toggleMarker(30);
        assertThat(marks.markerFrames()).containsExactly(12, 30);
        assertThat(marks.toggleMarker(30).markers()).containsExactly(new TimelineMarker(12, "cut"));
        assertThat(marks.withMarker(new TimelineMarker(12, "beat")).markerAt(12)).contains(new TimelineMarker(12, "beat"));
    }

    @Test
    void shorteningTheProjectPullsTheMarksIn() {
        Project project = Project.createNew("Marks").withTiming(24, 48)
                .withTimeline(new TimelineMarks(10, 40, List.of(TimelineMarker.at(5), TimelineMarker.at(35))));
        Project shorter = project.withTiming(24, 30);
        assertThat(shorter.timeline()).isEqualTo(new TimelineMarks(10, 29, List.of(TimelineMarker.at(5))));
        assertThat(project.withTiming(24, 96).timeline()).isEqualTo(project.timeline());
        assertThatThrownBy(() -> project.withTimeline(TimelineMarks.NONE.withOut(48)))
                .hasMessage("timeline marks reach frame 48, past the last frame 47");
    }
}
