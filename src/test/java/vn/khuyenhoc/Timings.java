package vn.khuyenhoc;

import java.util.Arrays;

/** How the benchmarks time an action and print its median and 95th percentile. */
public final class Timings {

    private Timings() {}

    /** Something to time. */
    public interface Action {
        Object run() throws Exception;
    }

    /** Runs the action {@code warmUp} times unmeasured, then {@code times} times: the sorted nanoseconds. */
    public static long[] time(int warmUp, int times, Action action) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        long[] ns = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            action.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns;
    }

    public static void timed(String label, int warmUp, int times, Action action) throws Exception {
        report(label, time(warmUp, times, action));
    }

    public static long median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static void report(String label, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-75s median %8.1f ms  p95 %8.1f ms  (%d runs)%n",
                label,
                sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))] / 1e6,
                sorted.length);
    }
}
