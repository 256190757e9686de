package io.ticketflow.local;

import io.ticketflow.catalog.BusinessMetric;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local runtime's CloudWatch: standard out passes through here line by line. A function's Embedded Metric
 * Format line is read into running totals per {@link BusinessMetric} (and kept off the console, as CloudWatch
 * keeps it out of sight); every other line goes on to the console, counted in lines and bytes, so a test can
 * measure what a booking costs in log.
 */
final class MetricsTally extends OutputStream {

    private static final byte[] EMF_START = "{\"_aws\"".getBytes(StandardCharsets.UTF_8);

    private final OutputStream console;
    private final JsonMapper json;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private final Map<BusinessMetric, LongAdder> totals = new EnumMap<>(BusinessMetric.class);
    private final AtomicLong metricLines = new AtomicLong();
    private final AtomicLong logLines = new AtomicLong();
    private final AtomicLong logBytes = new AtomicLong();

    MetricsTally(OutputStream console, JsonMapper json) {
        this.console = console;
        this.json = json;
        for (BusinessMetric metric : BusinessMetric.values()) {
            totals.put(metric, new LongAdder());
        }
    }

    /** A print stream over this tally, to put in place of {@code System.out}. */
    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    @Override
    public synchronized void flush() {
        try {
            console.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void endLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        if (startsWith(bytes, EMF_START) && tallied(bytes)) {
            metricLines.incrementAndGet();
            return;
        }
        logLines.incrementAndGet();
        logBytes.addAndGet(bytes.length);
        try {
            console.write(bytes);
            console.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return false when the line is not an EMF document after all: it is then shown like any other */
    private boolean tallied(byte[] bytes) {
        JsonNode document;
        try {
            document = json.readTree(bytes);
        } catch (JacksonException notJson) {
            return false;
        }
        JsonNode declared = document.path("_aws").path("CloudWatchMetrics");
        if (!declared.isArray()) {
            return false;
        }
        for (BusinessMetric metric : BusinessMetric.values()) {
            JsonNode value = document.path(metric.metricName());
            if (value.isNumber()) {
                totals.get(metric).add(value.asLong());
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the functions counted so far. */
    Map<BusinessMetric, Long> totals() {
        Map<BusinessMetric, Long> snapshot = new EnumMap<>(BusinessMetric.class);
        totals.forEach((metric, total) -> snapshot.put(metric, total.sum()));
        return snapshot;
    }

    long metricLines() {
        return metricLines.get();
    }

    long logLines() {
        return logLines.get();
    }

    long logBytes() {
        return logBytes.get();
    }
}
