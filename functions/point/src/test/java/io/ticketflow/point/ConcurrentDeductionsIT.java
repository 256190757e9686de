package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.kernel.testing.Race;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.point.function.DeductPoints;
import io.ticketflow.point.function.DeductPointsFunction;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Racing saga steps on one account (deductions, earnings and their take-backs), through the real adapter on moto. */
@ExtendWith(MotoExtension.class)
class ConcurrentDeductionsIT {

    private static final int THREADS = 8;

    private static PointFixture fixture;
    private static PointBook book;
    private static DeductPointsFunction deduct;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "it-");
        book = fixture.book(Clock.systemUTC());
        deduct = new DeductPointsFunction(book);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void concurrentDeductions_forMoreThanTheBalance_neverGoNegative_andLedgerFoldsToBalance() throws Exception {
        book.charge("user-race", "req-1", 1000);
        // 8 reservations of 300 each race for 1000 points: at most 3 can be paid
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String reservationId = "r-race-" + i;
            tasks.add(() -> outcome(() -> deduct.apply(new DeductPoints(reservationId, "user-race", 300))));
        }

        List<String> outcomes = Race.of(tasks.size(), tasks);

        Ledger ledger = book.ledger("user-race");
        long deductions = ledger.entries().stream().filter(e -> e.kind() == LedgerKind.DEDUCTED).count();
        long balance = book.account("user-race").balance();
        assertThat(balance).isNotNegative().isEqualTo(1000 - 300 * deductions).isEqualTo(ledger.balance());
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(outcomes.stream().filter("deducted"::equals).count()).isEqualTo(deductions);
        assertThat(outcomes).allMatch(o -> o.equals("deducted") || o.equals("insufficient") || o.equals("transient"));
        // a lost optimistic race means another writer won: some deduction always lands, at most what 1000 covers
        assertThat(deductions).isBetween(1L, 3L);
        // transient losers would be retried by the state machine; the ones that ran to the end leave nothing to pay
        if (!outcomes.contains("transient")) {
            assertThat(deductions).isEqualTo(3);
        }
        assertThat(fixture.eventsValidated("user-race")).hasSize(ledger.entries().size());
    }

    @Test
    void concurrentDuplicates_ofOneDeduction_deductOnce_andAllAnswerTheSameLine() throws Exception {
        book.charge("user-dup", "req-1", 1000);
        List<Callable<LedgerEntry>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> book.deduct("user-dup", "r-dup", 250));
        }

        List<LedgerEntry> answers = Race.of(tasks.size(), tasks);

        assertThat(answers).hasSize(THREADS).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(book.account("user-dup").balance()).isEqualTo(750);
        assertThat(book.ledger("user-dup").entries()).hasSize(2);
    }

    @Test
    void takeBack_racingADeductionForTheSamePoints_oneOfThemWins_andTheBalanceNeverGoesNegative() throws Exception {
        book.earn("user-tb-race", "r-earned", 12_000);
        // 120 earned; the take-back needs all of it, the other booking's deduction 100 of it
        List<Callable<String>> tasks = List.of(
                () -> outcome(() -> book.reverseEarning("user-tb-race", "r-earned"), "done"),
                () -> outcome(() -> book.deduct("user-tb-race", "r-other", 100), "done"));

        List<String> outcomes = Race.of(tasks.size(), tasks);

        Ledger ledger = book.ledger("user-tb-race");
        long balance = book.account("user-tb-race").balance();
        if (outcomes.get(0).equals("done")) {
            assertThat(outcomes.get(1)).isEqualTo("insufficient");
            assertThat(balance).isZero();
        } else {
            assertThat(outcomes).containsExactly("spent", "done");
            assertThat(balance).isEqualTo(20);
        }
        assertThat(balance).isEqualTo(ledger.balance());
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(fixture.eventsValidated("user-tb-race")).hasSize(ledger.entries().size());
    }

    @Test
    void anEarning_racingTheTakeBackOfItsCancellation_leavesNoPointsBehind_whicheverLandsFirst() throws Exception {
        for (int booking = 0; booking < THREADS; booking++) {
            String reservationId = "r-window-" + booking;
            List<Callable<Object>> tasks = List.of(
                    () -> book.earn("user-window-race", reservationId, 12_000),
                    () -> book.reverseEarning("user-window-race", reservationId));

            Race.of(tasks.size(), tasks);
        }

        Ledger ledger = book.ledger("user-window-race");
        assertThat(book.account("user-window-race").balance()).isZero();
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(ledger.entries().stream().filter(e -> e.kind() == LedgerKind.EARNED).count())
                .isEqualTo(ledger.entries().stream().filter(e -> e.kind() == LedgerKind.EARNING_REVERSED).count());
    }

    @Test
    void concurrentDuplicates_ofOneTakeBack_takeBackOnce_andAllAnswerTheSameLine() throws Exception {
        book.charge("user-tb-dup", "req-1", 1000);
        book.earn("user-tb-dup", "r-dup", 12_000);
        List<Callable<LedgerEntry>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> book.reverseEarning("user-tb-dup", "r-dup").orElseThrow());
        }

        List<LedgerEntry> answers = Race.of(tasks.size(), tasks);

        assertThat(answers).hasSize(THREADS).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(answers.get(0).amount()).isEqualTo(120);
        assertThat(book.account("user-tb-dup").balance()).isEqualTo(1000);
        assertThat(book.ledger("user-tb-dup").entries()).hasSize(3);
    }

    private static String outcome(Runnable step) {
        return outcome(step, "deducted");
    }

    private static String outcome(Runnable step, String success) {
        try {
            step.run();
            return success;
        } catch (InsufficientPoints e) {
            return "insufficient";
        } catch (EarnedPointsSpent e) {
            return "spent";
        } catch (TransientStepError e) {
            return "transient";
        }
    }
}
