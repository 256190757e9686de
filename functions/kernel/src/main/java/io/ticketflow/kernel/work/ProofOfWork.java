package io.ticketflow.kernel.work;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The work a client does before entering a queue, hashcash-style: find a nonce such that
 * {@code SHA-256("ticketflow-queue-work:v1:<concertId>:<userId>:<issuedAt>:<nonce>")} starts with {@code difficulty}
 * zero bits. The challenge needs no state and no secret: it names the user and the concert (a solution works for
 * no one else and nowhere else; entering again returns the same token, so replaying it gains nothing) and the
 * second it was made (a solution goes stale after {@link #VALIDITY}, so work cannot be stockpiled long before a
 * sale). Solving takes about {@code 2^difficulty} hashes; checking takes one.
 *
 * <p>The one solver every client of the enter route here uses: the bench, the tests, {@code scripts/queue-work}.
 * The header value is {@code <issuedAt>.<nonce>}, {@code issuedAt} in epoch seconds.
 */
public final class ProofOfWork {

    /** The request header that carries the solution. */
    public static final String HEADER = "X-Queue-Work";
    /** How long a solution stays good after the second it names. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);
    /** A clock this far ahead of the server's still counts: client clocks drift. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    public static final int MAX_DIFFICULTY = 32;

    /** What a check made of a header value. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, INSUFFICIENT }

    private ProofOfWork() {
    }

    /** Finds the work for {@code userId} entering {@code concertId} at {@code now}: the header value to send. */
    public static String solve(String concertId, String userId, int difficulty, Instant now) {
        requireDifficulty(difficulty);
        long issuedAt = now.getEpochSecond();
        String prefix = prefix(concertId, userId, issuedAt);
        MessageDigest sha256 = sha256();
        for (long nonce = 0; ; nonce++) {
            if (leadingZeroBits(sha256.digest((prefix + nonce).getBytes(StandardCharsets.UTF_8))) >= difficulty) {
                return issuedAt + "." + nonce;
            }
        }
    }

    /** The request header with freshly solved work, to add to an enter's headers. */
    public static Map<String, String> header(String concertId, String userId, int difficulty) {
        return Map.of(HEADER, solve(concertId, userId, difficulty, Instant.now()));
    }

    /** Checks a header value (null when the header was absent): one hash, whatever the difficulty. */
    public static Verdict verify(String work, String concertId, String userId, int difficulty, Instant now) {
        requireDifficulty(difficulty);
        if (work == null || work.isBlank()) {
            return Verdict.MISSING;
        }
        int dot = work.indexOf('.');
        long issuedAt;
        try {
            if (dot < 1 || dot == work.length() - 1 || work.length() > 48) {
                return Verdict.MALFORMED;
            }
            issuedAt = Long.parseLong(work.substring(0, dot));
            Long.parseUnsignedLong(work.substring(dot + 1));
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (issuedAt > now.plus(CLOCK_SKEW).getEpochSecond() || issuedAt < now.minus(VALIDITY).getEpochSecond()) {
            return Verdict.STALE;
        }
        byte[] hash = sha256().digest((prefix(concertId, userId, issuedAt) + work.substring(dot + 1))
                .getBytes(StandardCharsets.UTF_8));
        return leadingZeroBits(hash) >= difficulty ? Verdict.VALID : Verdict.INSUFFICIENT;
    }

    private static String prefix(String concertId, String userId, long issuedAt) {
        return "ticketflow-queue-work:v1:" + concertId + ":" + userId + ":" + issuedAt + ":";
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
            } else {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
        }
        return bits;
    }

    private static void requireDifficulty(int difficulty) {
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0.." + MAX_DIFFICULTY + ", was " + difficulty);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * {@code java ProofOfWork CONCERT USER DIFFICULTY}: prints the header value, for curl
     * ({@code scripts/queue-work} runs it).
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ProofOfWork CONCERT_ID USER_ID DIFFICULTY");
            System.exit(2);
        }
        System.out.println(solve(args[0], args[1], Integer.parseInt(args[2]), Instant.now()));
    }
}
