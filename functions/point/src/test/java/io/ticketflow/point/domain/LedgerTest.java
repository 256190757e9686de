package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import io.ticketflow.testsupport.RandomSeeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final Instant AT = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void fold_ofChargeDeductRefund_isTheLastRecordedBalance() {
        PointAccount account = PointAccount.open("user-1");
        List<LedgerEntry> lines = new ArrayList<>();
        Posting charge = account.charge("req-1", 1000, AT);
        lines.add(charge.entry());
        Posting deduct = charge.after().deduct("r-1:deduct", "r-1", 300, AT);
        lines.add(deduct.entry());
        Posting refund = deduct.after().refund("r-1:refund", deduct.entry(), AT);
        lines.add(refund.entry());

        Ledger ledger = new Ledger(List.of(lines.get(2), lines.get(0), lines.get(1)));

        assertThat(ledger.balance()).isEqualTo(1000).isEqualTo(refund.after().balance());
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(ledger.newestFirst()).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.REFUNDED, LedgerKind.DEDUCTED, LedgerKind.CHARGED);
    }

    @Test
    void ledger_withALineWhoseRecordedBalanceIsOff_isNotConsistent() {
        Ledger ledger = new Ledger(List.of(
                new LedgerEntry("user-1", "req-1", LedgerKind.CHARGED, 100, 100, 1, null, AT),
                new LedgerEntry("user-1", "req-2", LedgerKind.CHARGED, 100, 150, 2, null, AT)));

        assertThat(ledger.isConsistent()).isFalse();
    }

    @Test
    void ledger_withAGapInVersions_isNotConsistent() {
        Ledger ledger = new Ledger(List.of(
                new LedgerEntry("user-1", "req-1", LedgerKind.CHARGED, 100, 100, 1, null, AT),
                new LedgerEntry("user-1", "req-2", LedgerKind.CHARGED, 100, 200, 3, null, AT)));

        assertThat(ledger.isConsistent()).isFalse();
    }

    @Test
    void ledger_goingBelowZero_failsToFold() {
        Ledger ledger = new Ledger(List.of(
                new LedgerEntry("user-1", "r-1:deduct", LedgerKind.DEDUCTED, 100, 0, 1, "r-1", AT)));

        assertThatThrownBy(ledger::balance).isInstanceOf(IllegalStateException.class);
    }

    /** Any sequence of operations, insufficient deductions refused: the balance is the ledger's fold, never negative. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyOperationSequence_balanceIsFoldOfLedger_andNeverNegative(long seed) {
        List<Long> operations = operations(new Random(seed));
        PointAccount account = PointAccount.open("user-1");
        List<LedgerEntry> lines = new ArrayList<>();
        int n = 0;
        for (long operation : operations) {
            n++;
            Posting posting;
            if (operation > 0) {
                posting = account.charge("req-" + n, operation, AT);
            } else if (-operation <= account.balance()) {
                posting = account.deduct("r-" + n + ":deduct", "r-" + n, -operation, AT);
            } else {
                continue;
            }
            lines.add(posting.entry());
            account = posting.after();
            assertThat(account.balance()).isNotNegative();
        }

        Ledger ledger = new Ledger(lines);
        assertThat(ledger.balance()).isEqualTo(account.balance());
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(account.version()).isEqualTo(lines.size());
    }

    static LongStream seeds() {
        return RandomSeeds.of(200);
    }

    /** Up to 60 non-zero amounts: positive = charge, negative = deduction. */
    private static List<Long> operations(Random random) {
        return LongStream.generate(() -> random.nextBoolean() ? 1 + random.nextInt(5_000) : -1 - random.nextInt(5_000))
                .limit(random.nextInt(61))
                .boxed()
                .toList();
    }
}
