package org.fvstudio.app.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Reads this process's memory: resident set from /proc, heap and pools from the JVM's beans, and, through
 * the diagnostic-command bean (what {@code jcmd} talks to), native memory tracking and the class histogram.
 */
final class MemoryProbe {

    private static final double MIB = 1 << 20;
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_CATEGORY = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    /** VmRSS of this process in MiB, or -1 where /proc is not there. */
    static double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Reads everything; collects the heap fully in between (explicit GCs, as {@code jcmd GC.run} does): twice,
     * so that what only waited for its cleaner or finalizer at the first is gone at the second.
     */
    MemoryReading read(String label, String holdings) throws InterruptedException {
        double resident = residentMib();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        Thread.sleep(200);
        System.gc();
        var after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new MemoryReading(label, resident, heap.getUsed() / MIB, heap.getCommitted() / MIB, after.getUsed() / MIB,
                after.getCommitted() / MIB, residentMib(), direct() / MIB, metaspace() / MIB, nativeCommittedMib(),
                holdings);
    }

    /** The NMT summary's categories with more than 1 MiB committed, "Java Heap 612.0, Class 40.1, ...", or empty. */
    String nativeCategories() {
        String summary = command("vmNativeMemory", "summary");
        if (summary == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            double committed = Long.parseLong(m.group(3)) / 1024.0;
            if (committed >= 1) {
                parts.add(String.format(java.util.Locale.ROOT, "%s %.1f", m.group(1).trim(), committed));
            }
        }
        return String.join(", ", parts);
    }

    /** The first {@code top} classes of the heap histogram (a full GC first), as {@code jcmd GC.class_histogram} prints them. */
    String histogram(int top) {
        String text = command("gcClassHistogram");
        if (text == null) {
            return "(class histogram not available)";
        }
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, top + 2); i++) {
            out.append(lines[i]).append('\n');
        }
        return out.append(lines[lines.length - 1]).append('\n').toString();
    }

    private double nativeCommittedMib() {
        String summary = command("vmNativeMemory", "summary");
        if (summary == null) {
            return -1;
        }
        Matcher m = NMT_TOTAL.matcher(summary);
        return m.find() ? Long.parseLong(m.group(2)) / 1024.0 : -1;
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .map(MemoryPoolMXBean::getUsage).mapToLong(u -> u.getCommitted()).sum();
    }

    /** A diagnostic command's text, or null when the JVM refuses it (NMT off, say). */
    private static String command(String operation, String... arguments) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                    new Object[] {arguments}, new String[] {String[].class.getName()});
            String result = String.valueOf(text);
            return result.contains("not enabled") ? null : result;
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
