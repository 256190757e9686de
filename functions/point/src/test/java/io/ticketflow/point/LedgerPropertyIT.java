package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import io.ticketflow.testsupport.RandomSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of charges, deductions and refunds (repeats included) against the real adapter on moto, each
 * step checked against a model of the account: a step is refused only where the model justifies it (insufficient
 * points where the balance is short, not pending where the refund came first), a refusal leaves the ledger as
 * it was, every other step answers what the model says and the balance follows the model; afterwards the stored
 * balance is the fold of the stored ledger, never negative, with one event per line.
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
    void anySequence_answersAsTheModelSays_refusalsWriteNothing_storedBalanceIsFoldOfStoredLedger(long seed) {
        List<Step> steps = steps(new Random(seed));
        String userId = "user-" + UUID.randomUUID();
        Model model = new Model();
        for (Step step : steps) {
            List<LedgerEntry> before = book.ledger(userId).entries();
            Set<Class<? extends RuntimeException>> justified = model.refusalsJustifiedBy(step);
            try {
                Object answer = apply(userId, step);
                assertThat(justified).as("%s was answered %s where the model expects one of these refusals", step,
                        answer).isEmpty();
                model.assertAnswerAndApply(step, answer);
            } catch (InsufficientPoints | ReservationNotPending refused) {
                assertThat(justified).as("%s was refused with %s", step, refused).contains(refused.getClass());
                assertThat(book.ledger(userId).entries()).as("the ledger after the refused %s", step).isEqualTo(before);
            }
            assertThat(book.account(userId).balance()).as("the balance after %s", step).isEqualTo(model.balance);
        }

        Ledger ledger = book.ledger(userId);
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(ledger.balance()).isEqualTo(book.account(userId).balance());
        assertThat(fixture.eventsValidated(userId)).hasSize(ledger.entries().size());
    }

    private static Object apply(String userId, Step step) {
        if (step instanceof Charge charge) {
            // a request id reused for another amount is refused as a problem; same amount → same answer
            return book.charge(userId, chargeId(charge), charge.amount());
        }
        if (step instanceof Deduct deduct) {
            return book.deduct(userId, deduct.reservation(), deduct.amount());
        }
        return book.refund(userId, ((Refund) step).reservation());
    }

    private static String chargeId(Charge charge) {
        return charge.requestId() + "-" + charge.amount();
    }

    /**
     * What a user's points should be after the steps so far, kept apart from the code under test: it says which
     * refusals a step may meet and what a step that goes through answers.
     */
    private static final class Model {

        long balance;
        private final Set<String> charges = new HashSet<>();
        private final Map<String, Long> deductions = new HashMap<>();
        private final Set<String> refunds = new HashSet<>();
        /** Reservations whose refund found no deduction: their deduction can no longer happen. */
        private final Set<String> fenced = new HashSet<>();

        /** Empty when the step must go through; otherwise it must be refused with one of these. */
        Set<Class<? extends RuntimeException>> refusalsJustifiedBy(Step step) {
            if (!(step instanceof Deduct deduct) || deductions.containsKey(deduct.reservation())) {
                return Set.of(); // charges and refunds are never refused; a repeated deduction answers the first
            }
            Set<Class<? extends RuntimeException>> justified = new HashSet<>();
            if (deduct.amount() > balance) {
                justified.add(InsufficientPoints.class);
            }
            if (fenced.contains(deduct.reservation())) {
                justified.add(ReservationNotPending.class);
            }
            return justified;
        }

        void assertAnswerAndApply(Step step, Object answer) {
            if (step instanceof Charge charge) {
                if (charges.add(chargeId(charge))) {
                    balance += charge.amount();
                }
                assertEntry(step, answer, LedgerKind.CHARGED, charge.amount());
            } else if (step instanceof Deduct deduct) {
                if (!deductions.containsKey(deduct.reservation())) {
                    deductions.put(deduct.reservation(), deduct.amount());
                    balance -= deduct.amount();
                }
                // a repeat answers the first deduction, whatever amount it asks for now
                assertEntry(step, answer, LedgerKind.DEDUCTED, deductions.get(deduct.reservation()));
            } else {
                String reservation = ((Refund) step).reservation();
                Long deducted = deductions.get(reservation);
                if (deducted == null) {
                    fenced.add(reservation);
                    assertThat((Optional<?>) answer).as("the answer to %s with nothing deducted", step).isEmpty();
                    return;
                }
                if (refunds.add(reservation)) {
                    balance += deducted;
                }
                assertThat((Optional<?>) answer).as("the answer to %s", step).isPresent();
                assertEntry(step, ((Optional<?>) answer).get(), LedgerKind.REFUNDED, deducted);
            }
        }

        private static void assertEntry(Step step, Object answer, LedgerKind kind, long amount) {
            assertThat(answer).as("the answer to %s", step).isInstanceOfSatisfying(LedgerEntry.class, entry ->
                    assertThat(entry).extracting(LedgerEntry::kind, LedgerEntry::amount).containsExactly(kind, amount));
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
