package io.ticketflow.kernel.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an OpenAPI {@code date-time} as RFC 3339 defines it. {@code java.time} refuses offsets beyond ±18:00 and a
 * leap second, both of which RFC 3339 (and so every client that validates against our document) allows; a request
 * the document calls valid must not be refused as malformed.
 */
public final class Rfc3339Instants extends ValueDeserializer<Instant> {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

    /** @throws DateTimeException when the text is not an RFC 3339 date-time */
    public static Instant parse(String text) {
        Matcher parts = DATE_TIME.matcher(text);
        if (!parts.matches()) {
            throw new DateTimeException("not an RFC 3339 date-time: " + text);
        }
        int second = Integer.parseInt(parts.group(4));
        // a leap second is read as the last second of its minute plus one, as java.time's own parser smooths it
        boolean leapSecond = second == 60;
        LocalTime time = LocalTime.of(Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)),
                leapSecond ? 59 : second, nanos(parts.group(5)));
        Instant utc = LocalDate.parse(parts.group(1)).atTime(time).toInstant(ZoneOffset.UTC)
                .plusSeconds(leapSecond ? 1 : 0);
        if (parts.group(6) != null) {
            return utc;
        }
        int hours = Integer.parseInt(parts.group(8));
        int minutes = Integer.parseInt(parts.group(9));
        if (hours > 23 || minutes > 59) {
            throw new DateTimeException("offset out of range: " + text);
        }
        long offsetSeconds = (hours * 3600L + minutes * 60L) * ("-".equals(parts.group(7)) ? -1 : 1);
        return utc.minusSeconds(offsetSeconds);
    }

    private static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction.substring(1) + "00000000").substring(0, 9));
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        String text = parser.getValueAsString();
        if (text == null) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        try {
            return parse(text);
        } catch (DateTimeException notADateTime) {
            throw context.weirdStringException(text, Instant.class, notADateTime.getMessage());
        }
    }
}
