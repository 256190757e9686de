package io.ticketflow.point.domain;

import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.kernel.saga.InsufficientPoints;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's balance and how many ledger lines produced it. Every change is a {@link Posting} that moves the
 * version by one, so two writers that read the same version cannot both succeed.
 */
public record PointAccount(String userId, long balance, long version) {

    public PointAccount {
        Objects.requireNonNull(userId, "userId");
        if (balance < 0) {
            throw new IllegalArgumentException("a balance is never negative, was " + balance);
        }
    }

    /** A user who never had points: the account exists implicitly with nothing on it. */
    public static PointAccount open(String userId) {
        return new PointAccount(userId, 0, 0);
    }

    public Posting charge(String operationId, long amount, Instant at) {
        return post(operationId, LedgerKind.CHARGED, amount, null, at);
    }

    /** @throws InsufficientPoints when the balance does not cover the amount */
    public Posting deduct(String operationId, String reservationId, long amount, Instant at) {
        if (amount > balance) {
            throw new InsufficientPoints("balance " + balance + " does not cover " + amount
                    + " for reservation " + reservationId);
        }
        return post(operationId, LedgerKind.DEDUCTED, amount, reservationId, at);
    }

    /** Gives back exactly what the deduction took. */
    public Posting refund(String operationId, LedgerEntry deduction, Instant at) {
        if (deduction.kind() != LedgerKind.DEDUCTED || !deduction.userId().equals(userId)) {
            throw new IllegalArgumentException("only a deduction of this account can be refunded: " + deduction);
        }
        return post(operationId, LedgerKind.REFUNDED, deduction.amount(), deduction.reservationId(), at);
    }

    /** Credits the points a booking earned on its card payment. */
    public Posting earn(String operationId, String reservationId, long points, long cardAmount, Instant at) {
        return post(operationId, LedgerKind.EARNED, points, reservationId, at, cardAmount);
    }

    /**
     * Takes back exactly what the earning credited.
     *
     * @throws EarnedPointsSpent when the balance is below the earned points: a balance never goes below zero
     */
    public Posting reverseEarning(String operationId, LedgerEntry earning, Instant at) {
        if (earning.kind() != LedgerKind.EARNED || !earning.userId().equals(userId)) {
            throw new IllegalArgumentException("only an earning of this account can be reversed: " + earning);
        }
        if (earning.amount() > balance) {
            throw new EarnedPointsSpent("balance " + balance + " is below the " + earning.amount()
                    + " points reservation " + earning.reservationId() + " earned");
        }
        return post(operationId, LedgerKind.EARNING_REVERSED, earning.amount(), earning.reservationId(), at,
                earning.cardAmount());
    }

    private Posting post(String operationId, LedgerKind kind, long amount, String reservationId, Instant at) {
        return post(operationId, kind, amount, reservationId, at, null);
    }

    private Posting post(String operationId, LedgerKind kind, long amount, String reservationId, Instant at,
                         Long cardAmount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount of points is positive, was " + amount);
        }
        PointAccount after = new PointAccount(userId, Math.addExact(balance, kind.signed(amount)), version + 1);
        return new Posting(this, after, new LedgerEntry(userId, operationId, kind, amount, after.balance,
                after.version, reservationId, at, cardAmount));
    }
}
