package org.fvstudio.inference.job;

import java.util.Locale;

/** How running out of Java heap is said to the user. */
public final class OutOfMemory {

    private OutOfMemory() {
    }

    /** "ran out of memory (the Java heap of 4096 MB is full)". */
    public static String describe() {
        long max = Runtime.getRuntime().maxMemory();
        String heap = max == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " (the Java heap of %d MB is full)", max >> 20);
        return "ran out of memory" + heap;
    }
}
