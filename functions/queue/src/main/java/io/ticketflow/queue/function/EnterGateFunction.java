package io.ticketflow.queue.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.queue.domain.EnterRules;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an enter pays before it is placed: the proof-of-work first (one hash, no I/O, so a client without it costs
 * nothing but the request), then one try against the user's limit and one against the address's.
 */
public final class EnterGateFunction implements Function<GuardedEnter, QueueTicket> {

    private final EnterRules rules;
    private final RateLimits limits;
    private final Clock clock;
    private final Function<EnterQueue, QueueTicket> enter;

    public EnterGateFunction(EnterRules rules, RateLimits limits, Clock clock, Function<EnterQueue, QueueTicket> enter) {
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
        this.enter = enter;
    }

    @Override
    public QueueTicket apply(GuardedEnter request) {
        Instant now = clock.instant();
        EnterQueue command = request.enter();
        ProofOfWork.Verdict verdict = ProofOfWork.verify(request.work(), command.concertId(), command.userId(),
                rules.workDifficulty(), now);
        switch (verdict) {
            case VALID -> { }
            case MISSING -> throw new ProblemException(QueueProblems.WORK_MISSING, "send the " + ProofOfWork.HEADER
                    + " header: a solution of difficulty " + rules.workDifficulty() + " for this concert and user"
                    + " (the concert's GET /concerts/{concertId}/queue names the difficulty)");
            case MALFORMED -> throw invalid("it is not '<issuedAt>.<nonce>' (epoch seconds, an unsigned integer)");
            case STALE -> throw invalid("its issuedAt is more than " + ProofOfWork.VALIDITY.toMinutes()
                    + " minutes old or in the future; solve it again now");
            case INSUFFICIENT -> throw invalid("its hash has fewer than " + rules.workDifficulty()
                    + " leading zero bits for this concert and user");
        }
        refuseOverLimit(limits.tryOnce("user#" + command.userId(), rules.perUser(), EnterRules.WINDOW, now), "this user");
        if (request.sourceIp() != null) {
            refuseOverLimit(limits.tryOnce("ip#" + request.sourceIp(), rules.perSourceAddress(), EnterRules.WINDOW, now),
                    "this address");
        }
        return enter.apply(command);
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(QueueProblems.WORK_INVALID, "the " + ProofOfWork.HEADER + " header does not check out: " + why);
    }

    private static void refuseOverLimit(Optional<Duration> retryAfter, String who) {
        if (retryAfter.isPresent()) {
            throw new ProblemException(QueueProblems.ENTER_RATE_LIMITED,
                    "too many enters from " + who + " this minute; try again after Retry-After", retryAfter.get());
        }
    }
}
