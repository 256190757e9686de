package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoServer;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import io.ticketflow.testsupport.RandomSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of charges, deductions and refunds (repeats included) against the real adapter on moto:
 * afterwards the stored balance is the fold of the stored ledger, never negative, with one event per line.
 * Uses the shared moto server with a prefix of its own, so the tries of one run share the tables.
 */
class LedgerPropertyIT {

    private static PointFixture fixture;
    private static PointBook book;

    sealed interface Step permits Charge, Deduct, Refund {
    }

    record Charge(String requestId, long amount) implements Step {
    }

    record Deduct(String reservation, long amount) implements Step {
    }

    record Refund(String reservation) implements Step {
    }

    @BeforeAll
    static void createTables() {
        MotoServer moto = MotoServer.shared();
        String prefix = "prop-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        fixture = PointFixture.withTables(moto.endpoint(), EmulatorEndpoint.DEFAULT_REGION, prefix);
        book = fixture.book(Clock.systemUTC());
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anySequence_storedBalanceIsFoldOfStoredLedger_neverNegative_oneEventPerLine(long seed) {
        List<Step> steps = steps(new Random(seed));
        String userId = "user-" + UUID.randomUUID();
        for (Step step : steps) {
            apply(userId, step);
            assertThat(book.account(userId).balance()).isNotNegative();
        }

        Ledger ledger = book.ledger(userId);
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(ledger.balance()).isEqualTo(book.account(userId).balance());
        assertThat(fixture.eventsValidated(userId)).hasSize(ledger.entries().size());
    }

    private static void apply(String userId, Step step) {
        try {
            if (step instanceof Charge charge) {
                // a request id reused for another amount is refused as a problem; same amount → same answer
                book.charge(userId, charge.requestId() + "-" + charge.amount(), charge.amount());
            } else if (step instanceof Deduct deduct) {
                book.deduct(userId, deduct.reservation(), deduct.amount());
            } else if (step instanceof Refund refund) {
                book.refund(userId, refund.reservation());
            }
        } catch (InsufficientPoints | ReservationNotPending expected) {
            // refused operations write nothing; the invariants below must still hold
        }
    }

    static LongStream seeds() {
        return RandomSeeds.of(12);
    }

    /** 1–12 steps over few distinct ids, so repeats of the same operation (retries) come up often. */
    private static List<Step> steps(Random random) {
        String[] ids = {"a", "b", "c", "d"};
        return IntStream.range(0, 1 + random.nextInt(12)).mapToObj(i -> {
            String id = ids[random.nextInt(ids.length)];
            long amount = 1 + random.nextInt(2_000);
            return switch (random.nextInt(3)) {
                case 0 -> (Step) new Charge(id, amount);
                case 1 -> new Deduct(id, amount);
                default -> new Refund(id);
            };
        }).toList();
    }
}
