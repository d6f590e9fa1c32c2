package org.fvstudio.ui.task;

/**
 * A unit of background work that knows nothing about JavaFX. It reports progress through the
 * context and may throw; {@link BackgroundTasks} turns the result or the problem into an {@link Outcome}.
 */
@FunctionalInterface
public interface Job<T> {

    T run(JobContext context) throws Exception;
}
