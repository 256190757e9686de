package io.ticketflow.point.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What share of a card payment comes back as points: {@code floor(cardAmount × percent / 100)}. Decimal, so 1.5 %
 * earns exactly 1.5 % and a rate never drifts by a binary fraction; never more than 100 %, so the points of one
 * payment always fit where the payment's amount fits.
 *
 * @param percent from 0 (earning switched off) to 100
 */
public record EarnRate(BigDecimal percent) {

    public static final BigDecimal DEFAULT_PERCENT = BigDecimal.ONE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public EarnRate {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("an earn rate is between 0 and 100 percent, was " + percent);
        }
    }

    /** @throws IllegalArgumentException when the card amount is negative */
    public long pointsFor(long cardAmount) {
        if (cardAmount < 0) {
            throw new IllegalArgumentException("a card amount is never negative, was " + cardAmount);
        }
        return BigDecimal.valueOf(cardAmount).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
