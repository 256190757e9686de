package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.ReservationNotPending;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The point operations. Each is one optimistic write: read the account, decide, post with the version read.
 * The ledger line is keyed by the operation id, so whatever happens to the caller (a retry, a duplicate, a
 * concurrent twin), an operation changes the balance at most once and its repetition answers with the first
 * result.
 */
public final class PointBook {

    /** A lost race costs one read and one write; a user's own operations rarely race more than a few deep. */
    static final int MAX_ATTEMPTS = 10;

    private final PointRepository accounts;
    private final EarnRate earnRate;
    private final Clock clock;

    public PointBook(PointRepository accounts, EarnRate earnRate, Clock clock) {
        this.accounts = accounts;
        this.earnRate = earnRate;
        this.clock = clock;
    }

    public static String deductionId(String reservationId) {
        return reservationId + ":deduct";
    }

    public static String refundId(String reservationId) {
        return reservationId + ":refund";
    }

    public static String earningId(String reservationId) {
        return reservationId + ":earn";
    }

    public static String earningReversalId(String reservationId) {
        return reservationId + ":take-back";
    }

    /**
     * @throws ProblemException {@code charge-request-id-reused} when the request id was used for another amount
     * @throws AccountBusy      when concurrent writers kept winning
     */
    public LedgerEntry charge(String userId, String requestId, long amount) {
        LedgerEntry entry = post(userId, requestId,
                account -> account.charge(requestId, amount, clock.instant()));
        if (entry.kind() != LedgerKind.CHARGED || entry.amount() != amount) {
            throw new ProblemException(PointProblems.REQUEST_ID_REUSED,
                    "request id " + requestId + " was already used for a charge of " + entry.amount());
        }
        return entry;
    }

    /**
     * @throws InsufficientPoints    when the balance does not cover the amount (nothing is written)
     * @throws ReservationNotPending when the reservation's refund already ran, finding nothing to refund
     * @throws AccountBusy           when concurrent writers kept winning
     */
    public LedgerEntry deduct(String userId, String reservationId, long amount) {
        String operationId = deductionId(reservationId);
        try {
            return post(userId, operationId,
                    account -> account.deduct(operationId, reservationId, amount, clock.instant()));
        } catch (InsufficientPoints insufficient) {
            // a repeated deduction finds the balance it already lowered: it succeeded the first time
            return accounts.entry(userId, operationId).orElseThrow(() -> insufficient);
        } catch (PostingConflict fenced) {
            throw new ReservationNotPending("reservation " + reservationId
                    + " was already compensated; nothing is deducted");
        }
    }

    /**
     * Gives back what the reservation's deduction took; empty when there was no deduction, which then can no
     * longer happen.
     *
     * @throws AccountBusy when concurrent writers kept winning
     */
    public Optional<LedgerEntry> refund(String userId, String reservationId) {
        String refundId = refundId(reservationId);
        return undo(userId, reservationId, deductionId(reservationId), deduction ->
                post(userId, refundId, account -> account.refund(refundId, deduction, clock.instant())));
    }

    /**
     * Credits the points the reservation's card payment earns at the configured rate; empty when that is no point
     * at all (a small card amount, a rate of 0), which writes nothing: a ledger line is never of 0 points. Also
     * empty when the booking's take-back already ran and fenced this earning out.
     *
     * @throws AccountBusy when concurrent writers kept winning
     */
    public Optional<LedgerEntry> earn(String userId, String reservationId, long cardAmount) {
        long points = earnRate.pointsFor(cardAmount);
        if (points == 0) {
            return Optional.empty();
        }
        String operationId = earningId(reservationId);
        try {
            return Optional.of(post(userId, operationId,
                    account -> account.earn(operationId, reservationId, points, cardAmount, clock.instant())));
        } catch (PostingConflict fenced) {
            // the booking's cancellation took back before this earning landed, finding nothing: it earns nothing
            return Optional.empty();
        }
    }

    /**
     * Takes back exactly what the reservation's earning credited (its ledger line, whatever the rate is now);
     * empty when it earned nothing, which then can no longer happen.
     *
     * @throws EarnedPointsSpent when the balance is below the earned points; nothing is written
     * @throws AccountBusy       when concurrent writers kept winning
     */
    public Optional<LedgerEntry> reverseEarning(String userId, String reservationId) {
        String operationId = earningReversalId(reservationId);
        return undo(userId, reservationId, earningId(reservationId), earning -> {
            try {
                return post(userId, operationId,
                        account -> account.reverseEarning(operationId, earning, clock.instant()));
            } catch (EarnedPointsSpent spent) {
                // a repeated take-back finds the balance it already lowered: it succeeded the first time
                return accounts.entry(userId, operationId).orElseThrow(() -> spent);
            }
        });
    }

    public PointAccount account(String userId) {
        return accounts.account(userId).orElseGet(() -> PointAccount.open(userId));
    }

    public Ledger ledger(String userId) {
        return accounts.ledger(userId);
    }

    public LedgerPage ledgerPage(String userId, int limit, LedgerPage.Cursor after) {
        return accounts.ledgerPage(userId, limit, after);
    }

    /**
     * Undoes the reservation's forward operation if it happened; otherwise fences it out, so that one still on its
     * way cannot land after its undoing found nothing.
     */
    private Optional<LedgerEntry> undo(String userId, String reservationId, String forwardId,
                                       Function<LedgerEntry, LedgerEntry> undoIt) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<LedgerEntry> forward = accounts.entry(userId, forwardId);
            if (forward.isPresent()) {
                return Optional.of(undoIt.apply(forward.get()));
            }
            try {
                accounts.fence(userId, reservationId, forwardId);
                return Optional.empty();
            } catch (PostingConflict forwardLanded) {
                // the operation arrived between the read and the fence: undo it on the next round
            }
        }
        throw new AccountBusy(userId, MAX_ATTEMPTS);
    }

    /** @throws PostingConflict {@code RESERVATION_FENCED} when the operation was fenced out; nothing is written */
    private LedgerEntry post(String userId, String operationId, Function<PointAccount, Posting> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Posting posting = decide.apply(account(userId));
            try {
                accounts.post(posting);
                return posting.entry();
            } catch (PostingConflict conflict) {
                switch (conflict.reason()) {
                    case OPERATION_EXISTS -> {
                        return accounts.entry(userId, operationId).orElseThrow(() -> new IllegalStateException(
                                "operation " + operationId + " reported as existing but not found", conflict));
                    }
                    case RESERVATION_FENCED -> throw conflict;
                    case ACCOUNT_CHANGED -> pause(attempt);
                }
            }
        }
        throw new AccountBusy(userId, MAX_ATTEMPTS);
    }

    /** Jittered, growing pause so racing writers spread out instead of colliding again in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a point operation", e);
        }
    }
}
