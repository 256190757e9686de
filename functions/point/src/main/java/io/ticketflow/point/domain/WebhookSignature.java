package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a payment provider puts on each webhook delivery, as the common providers do it: header
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, keyed by the secret shared
 * with the provider. The timestamp is signed too, so an old delivery cannot be replayed with a new time; a delivery
 * older (or newer) than the tolerance is refused, so a captured one cannot be replayed later at all.
 *
 * @param secret    the shared webhook secret
 * @param tolerance how far the signed time may be from now
 */
public record WebhookSignature(byte[] secret, Duration tolerance) {

    public static final String HEADER = "Ticketflow-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Shorter secrets are guessable offline from one captured delivery. */
    public static final int MIN_SECRET_BYTES = 32;

    public WebhookSignature {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the webhook secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    public static WebhookSignature of(String secret) {
        return new WebhookSignature(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), DEFAULT_TOLERANCE);
    }

    /** The header value for {@code body} sent at {@code at}: what the provider (locally, the simulated one) sends. */
    public String header(Instant at, String body) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /**
     * @throws ProblemException {@code webhook-signature-invalid} when the header is missing, malformed or no
     *                          signature in it matches; {@code webhook-signature-expired} when its time is outside
     *                          the tolerance
     */
    public void verify(String header, String body, Instant now) {
        if (header == null || header.isBlank()) {
            throw invalid("the " + HEADER + " header is missing");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                throw invalid("the " + HEADER + " header is malformed");
            }
            switch (pair[0]) {
                case "t" -> timestamp = parseTimestamp(pair[1]);
                case "v1" -> signatures.add(pair[1]);
                default -> {
                    // other schemes (a provider's future v2) are not ours to check
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw invalid("the " + HEADER + " header needs t=<seconds> and v1=<signature>");
        }
        byte[] expected = mac(timestamp, body == null ? "" : body);
        // several v1 values: the provider signs with old and new secret while rolling it
        boolean matches = false;
        for (String signature : signatures) {
            matches |= MessageDigest.isEqual(expected, decodeHex(signature));
        }
        if (!matches) {
            throw invalid("no signature matches the body");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new ProblemException(PointProblems.WEBHOOK_SIGNATURE_EXPIRED, "the delivery was signed at "
                    + Instant.ofEpochSecond(timestamp) + ", more than " + tolerance.toSeconds() + " s from now");
        }
    }

    private byte[] mac(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static long parseTimestamp(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("the " + HEADER + " timestamp is not a number of seconds");
        }
    }

    /** A malformed signature compares unequal, as a wrong one does: its length must not tell anything apart. */
    private static byte[] decodeHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(PointProblems.WEBHOOK_SIGNATURE_INVALID, detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSignature that && MessageDigest.isEqual(secret, that.secret)
                && tolerance.equals(that.tolerance);
    }

    @Override
    public int hashCode() {
        return tolerance.hashCode();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSignature[tolerance=" + tolerance + "]";
    }
}
