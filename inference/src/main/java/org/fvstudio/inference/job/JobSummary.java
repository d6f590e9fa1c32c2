package org.fvstudio.inference.job;

import java.time.Duration;

/** How a job ended: frames finished (each already delivered to the listener), and whether it was cancelled. */
public record JobSummary(int framesRequested, int framesDone, boolean cancelled, Duration elapsed) {
}
