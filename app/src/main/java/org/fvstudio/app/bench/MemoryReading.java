package org.fvstudio.app.bench;

import java.util.Locale;

/**
 * The process's memory at one moment of the studio benchmark, in MiB: what the OS sees (resident set) and
 * what the JVM holds, before and after a full collection, so that live data and the heap the collector has
 * merely kept committed can be told apart.
 *
 * @param nativeTracked the JVM's own native memory (NMT "committed" total), -1 without -XX:NativeMemoryTracking
 * @param holdings      what the studio says it holds (frames, pictures), one line
 */
public record MemoryReading(String label, double resident, double heapUsed, double heapCommitted, double liveHeap,
                            double heapCommittedAfterGc, double residentAfterGc, double direct, double metaspace,
                            double nativeTracked, String holdings) {

    static final String HEADER = String.format(Locale.ROOT, "%-22s %9s %9s %9s | %9s %9s %9s | %7s %7s %8s",
            "moment", "RSS", "heap", "heap", "live", "heap", "RSS", "direct", "meta", "NMT");
    static final String UNITS = String.format(Locale.ROOT, "%-22s %9s %9s %9s | %9s %9s %9s | %7s %7s %8s",
            "", "MiB", "used", "commit", "after GC", "commit", "after GC", "MiB", "MiB", "commit");

    String row() {
        return String.format(Locale.ROOT, "%-22s %9.1f %9.1f %9.1f | %9.1f %9.1f %9.1f | %7.1f %7.1f %8s",
                label, resident, heapUsed, heapCommitted, liveHeap, heapCommittedAfterGc, residentAfterGc, direct,
                metaspace, nativeTracked < 0 ? "off" : String.format(Locale.ROOT, "%.1f", nativeTracked));
    }
}
