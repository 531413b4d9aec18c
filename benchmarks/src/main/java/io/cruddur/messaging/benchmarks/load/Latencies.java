package io.cruddur.messaging.benchmarks.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies recorded from several threads, in nanoseconds, up to a minute each, 3 significant digits. */
final class Latencies {
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Recorder recorder = new Recorder(MAX_NANOS, 3);

    void record(long nanos) {
        recorder.recordValue(Math.min(nanos, MAX_NANOS));
    }

    /** Everything recorded since the last call, and a fresh start. */
    Histogram drain() {
        return recorder.getIntervalHistogram();
    }

    static String millis(Histogram histogram, double percentile) {
        return String.format("%.2f", histogram.getValueAtPercentile(percentile) / 1e6);
    }
}
