package io.ticketflow.kernel.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON object per log line: {@code timestamp}, {@code level}, {@code logger}, {@code message}, the MDC (so the
 * {@link Correlation} id) and {@code error} with the stack trace. Lambda passes lines that are already JSON through
 * unchanged under its JSON log format, and CloudWatch Logs Insights reads their fields without a parse pattern.
 * Written by hand rather than with a library: the shape is small and the jars stay as they are.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.append(',');
        field(line, "level", event.getLevel().toString());
        line.append(',');
        field(line, "logger", event.getLoggerName());
        line.append(',');
        field(line, "thread", event.getThreadName());
        // sorted, so lines of one kind always read the same way
        for (Map.Entry<String, String> entry : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
            line.append(',');
            field(line, entry.getKey(), entry.getValue());
        }
        line.append(',');
        field(line, "message", event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.append(',');
            field(line, "error", ThrowableProxyUtil.asString(error));
        }
        return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        quote(line, name);
        line.append(':');
        if (value == null) {
            line.append("null");
        } else {
            quote(line, value);
        }
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
