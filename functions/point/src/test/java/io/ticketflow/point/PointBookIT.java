package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.point.domain.PointPolicy;
import io.ticketflow.point.domain.PointProblems;
import io.ticketflow.point.domain.PostingConflict;
import io.ticketflow.point.function.ChargePoints;
import io.ticketflow.point.function.ChargePointsFunction;
import io.ticketflow.point.function.ChargeReceipt;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The point operations through the real DynamoDB adapter on moto. Each test uses users of its own. */
@ExtendWith(MotoExtension.class)
class PointBookIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);

    private static PointFixture fixture;
    private static PointBook book;
    private static ChargePointsFunction charge;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "it-");
        book = fixture.book(CLOCK);
        charge = new ChargePointsFunction(book, new PointPolicy(PointPolicy.DEFAULT_MAX_CHARGE));
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void charge_sameRequestIdTwice_chargesOnceAndAnswersTheFirstResult() {
        ChargeReceipt first = charge.apply(new ChargePoints("user-charge", "req-1", 700L));
        int itemsAfterFirst = fixture.itemCount();

        ChargeReceipt second = charge.apply(new ChargePoints("user-charge", "req-1", 700L));

        assertThat(second).isEqualTo(first).isEqualTo(new ChargeReceipt("user-charge", "req-1", 700, 700));
        assertThat(fixture.itemCount()).isEqualTo(itemsAfterFirst);
        assertThat(book.account("user-charge").balance()).isEqualTo(700);
        assertThat(fixture.eventsValidated("user-charge")).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.POINT_CHARGED);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.correlationId()).isEqualTo("req-1");
            assertThat(event.payload().get("balance").longValue()).isEqualTo(700);
        });
    }

    @Test
    void charge_sameRequestIdWithOtherAmount_isRequestIdReusedProblem_andChargesNothing() {
        charge.apply(new ChargePoints("user-reuse", "req-1", 100L));
        int items = fixture.itemCount();

        assertThatThrownBy(() -> charge.apply(new ChargePoints("user-reuse", "req-1", 999L)))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(PointProblems.REQUEST_ID_REUSED));
        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(book.account("user-reuse").balance()).isEqualTo(100);
    }

    @Test
    void charge_aboveTheMaximum_isChargeOutOfRangeProblem_andWritesNothing() {
        int items = fixture.itemCount();

        assertThatThrownBy(() -> charge.apply(new ChargePoints("user-max", "req-1", PointPolicy.DEFAULT_MAX_CHARGE + 1)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(PointProblems.CHARGE_OUT_OF_RANGE);
                    assertThat(problem.type().status()).isEqualTo(400);
                });
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void deduct_moreThanTheBalance_throwsInsufficientPoints_andWritesNothing() {
        book.charge("user-poor", "req-1", 100);
        int items = fixture.itemCount();

        assertThatThrownBy(() -> book.deduct("user-poor", "r-poor", 101)).isInstanceOf(InsufficientPoints.class);

        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(book.account("user-poor").balance()).isEqualTo(100);
        assertThat(fixture.eventsValidated("user-poor")).extracting(EventEnvelope::type).containsExactly(EventTypes.POINT_CHARGED);
    }

    @Test
    void deduct_repeatedForTheSameReservation_deductsOnce_evenWhenTheRestNoLongerCoversIt() {
        book.charge("user-twice", "req-1", 500);

        LedgerEntry first = book.deduct("user-twice", "r-twice", 300);
        LedgerEntry again = book.deduct("user-twice", "r-twice", 300);

        assertThat(again).isEqualTo(first);
        assertThat(first.operationId()).isEqualTo("r-twice:deduct");
        assertThat(book.account("user-twice").balance()).isEqualTo(200);
        assertThat(fixture.eventsValidated("user-twice")).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.POINT_CHARGED, EventTypes.POINT_DEDUCTED);
    }

    @Test
    void refund_afterDeduction_givesBackWhatItTook_once_withValidEventsInOrder() {
        book.charge("user-refund", "req-1", 1000);
        book.deduct("user-refund", "r-refund", 400);

        Optional<LedgerEntry> refund = book.refund("user-refund", "r-refund");
        Optional<LedgerEntry> again = book.refund("user-refund", "r-refund");

        assertThat(refund).hasValueSatisfying(entry -> {
            assertThat(entry.kind()).isEqualTo(LedgerKind.REFUNDED);
            assertThat(entry.amount()).isEqualTo(400);
            assertThat(entry.balanceAfter()).isEqualTo(1000);
            assertThat(entry.operationId()).isEqualTo("r-refund:refund");
        });
        assertThat(again).isEqualTo(refund);
        List<EventEnvelope> events = fixture.eventsValidated("user-refund");
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.POINT_CHARGED, EventTypes.POINT_DEDUCTED, EventTypes.POINT_REFUNDED);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events.get(2).correlationId()).isEqualTo("r-refund");
        Ledger ledger = book.ledger("user-refund");
        assertThat(ledger.isConsistent()).isTrue();
        assertThat(ledger.balance()).isEqualTo(book.account("user-refund").balance()).isEqualTo(1000);
    }

    @Test
    void refund_withoutDeduction_isNoOp_andALateDeductionIsThenRefusedWithNothingWritten() {
        book.charge("user-late", "req-1", 1000);

        assertThat(book.refund("user-late", "r-late")).isEmpty();
        int items = fixture.itemCount();

        assertThatThrownBy(() -> book.deduct("user-late", "r-late", 300)).isInstanceOf(ReservationNotPending.class);
        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(book.account("user-late").balance()).isEqualTo(1000);
        assertThat(book.refund("user-late", "r-late")).isEmpty();
    }

    @Test
    void refund_withoutDeduction_deliveredAgainLater_leavesTheFenceAsTheFirstOneWroteIt() {
        book.charge("user-refence", "req-1", 1000);
        assertThat(book.refund("user-refence", "r-refence")).isEmpty();
        var fence = fixture.accountItem("user-refence", "FENCE#r-refence:deduct");
        assertThat(fence).isNotEmpty();

        var again = fixture.book(Clock.offset(CLOCK, Duration.ofMinutes(5))).refund("user-refence", "r-refence");

        assertThat(again).isEmpty();
        assertThat(fixture.accountItem("user-refence", "FENCE#r-refence:deduct")).isEqualTo(fence);
    }

    @Test
    void fence_whenTheDeductionLandedAfterTheRefundLooked_isRefused_soTheRefundGoesRoundAgain() {
        book.charge("user-fence", "req-1", 1000);
        book.deduct("user-fence", "r-fence", 300);

        assertThatThrownBy(() -> fixture.repository(CLOCK).fence("user-fence", "r-fence", PointBook.deductionId("r-fence")))
                .isInstanceOfSatisfying(PostingConflict.class,
                        conflict -> assertThat(conflict.reason()).isEqualTo(PostingConflict.Reason.OPERATION_EXISTS));
        assertThat(book.refund("user-fence", "r-fence")).hasValueSatisfying(entry -> assertThat(entry.amount()).isEqualTo(300));
    }

    @Test
    void unknownUser_hasZeroBalanceAndEmptyLedger() {
        assertThat(book.account("user-nobody").balance()).isZero();
        assertThat(book.ledger("user-nobody").entries()).isEmpty();
    }
}
