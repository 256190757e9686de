package io.ticketflow.queue.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.EnterRules;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * How far a concert's queue has come, for everyone at once: one read of the counter, and an answer that is the
 * same for every caller until the next tick, so CloudFront (or the local runtime's cache) answers the crowd's
 * polls and this function runs about once per tick per edge. A caller holding the current ETag gets 304.
 */
public final class NowServingFunction implements Function<NowServingQuery, NowServing> {

    private final QueueRepository queues;
    private final QueuePolicy policy;
    private final EnterRules rules;

    public NowServingFunction(QueueRepository queues, QueuePolicy policy, EnterRules rules) {
        this.queues = queues;
        this.policy = policy;
        this.rules = rules;
    }

    @Override
    public NowServing apply(NowServingQuery query) {
        QueueCounter counter = queues.findCounter(query.concertId()).orElseThrow(() -> new ProblemException(
                QueueProblems.UNKNOWN_CONCERT, "no waiting queue is open for concert '" + query.concertId() + "'"));
        Boolean drawn = counter.opensAt() == null ? null : counter.lottery() != null;
        double rate = Math.round(counter.rate().perSecond() * 1000) / 1000.0;
        String content = String.join("|", counter.concertId(), Long.toString(counter.activated()), Double.toString(rate),
                String.valueOf(counter.opensAt()), String.valueOf(drawn), Integer.toString(rules.workDifficulty()),
                Long.toString(policy.tickInterval().toSeconds()));
        String etag = "\"" + hash(content) + "\"";
        return new NowServing(counter.concertId(), counter.activated(), rate, counter.opensAt(), drawn,
                rules.workDifficulty(), policy.tickInterval().toSeconds(), etag, matches(query.ifNoneMatch(), etag));
    }

    /** RFC 9110: a list of tags, or {@code *}; a weak tag matches its strong form. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
