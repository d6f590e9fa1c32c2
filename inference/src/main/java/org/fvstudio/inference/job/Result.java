package org.fvstudio.inference.job;

import java.util.function.Function;

/** A value or the error that prevented it: how jobs report failure without throwing across threads. */
public sealed interface Result<T> {

    record Ok<T>(T value) implements Result<T> {
    }

    record Err<T>(GenerationError error) implements Result<T> {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> err(GenerationError error) {
        return new Err<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value; throws IllegalStateException carrying the error message if this is an error. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        GenerationError e = ((Err<T>) this).error();
        throw new IllegalStateException(e.message(), e.cause());
    }

    default <U> Result<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T>) this).error());
    }
}
