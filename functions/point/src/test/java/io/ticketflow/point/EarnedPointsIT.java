package io.ticketflow.point;

import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.PointResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points earned on a booking's card payment and taken back on its cancellation, through {@code FunctionInvoker}
 * with the recorded saga payloads and moto behind the functions, at the default rate of 1 %. Each test uses users
 * of its own.
 */
@ExtendWith(MotoExtension.class)
class EarnedPointsIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T16:00:00Z"), ZoneOffset.UTC);

    private static PointFixture fixture;
    private static PointBook book;

    @BeforeAll
    static void startClass(EmulatorEndpoint endpoint) {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "earn-");
        book = fixture.book(CLOCK);
        lambdaEnvironment(PointFunctions.class, fixture.settings);
        PointFunctionsTest.PROVIDER_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void earnPoints_retried_creditsOnePercentOfTheCardAmountOnce_andAnswersTheSameEachTime() {
        book.charge("user-earn", "req-1", 500);

        JsonNode first = earn("user-earn", "r-earn-1", 12_345);
        int itemsAfterFirst = fixture.itemCount();
        JsonNode retried = earn("user-earn", "r-earn-1", 12_345);

        assertThat(first.get("operationId").stringValue()).isEqualTo("r-earn-1:earn");
        assertThat(first.get("pointsEarned").longValue()).isEqualTo(123);
        assertThat(first.get("balance").longValue()).isEqualTo(623);
        assertThat(retried).isEqualTo(first);
        assertThat(fixture.itemCount()).isEqualTo(itemsAfterFirst);
        assertThat(book.account("user-earn").balance()).isEqualTo(623);
        assertThat(book.ledger("user-earn").isConsistent()).isTrue();
        assertThat(fixture.eventsValidated("user-earn")).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.POINT_EARNED);
            assertThat(event.correlationId()).isEqualTo("r-earn-1");
            assertThat(event.payload().get("amount").longValue()).isEqualTo(123);
            assertThat(event.payload().get("cardAmount").longValue()).isEqualTo(12_345);
            assertThat(event.payload().get("balance").longValue()).isEqualTo(623);
        });
        assertThat(fixture.eventsValidated("user-earn")).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.POINT_CHARGED, EventTypes.POINT_EARNED);
    }

    @Test
    void earnPoints_onACardAmountBelowOnePoint_answersZeroAndWritesNothing() {
        int items = fixture.itemCount();

        JsonNode earned = earn("user-small", "r-small", 99);

        assertThat(earned.get("pointsEarned").longValue()).isZero();
        assertThat(earned.get("balance").longValue()).isZero();
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void takeBack_retried_takesBackExactlyTheEarningOnce_andHistoryShowsBothLines() {
        book.charge("user-back", "req-1", 1_000);
        earn("user-back", "r-back", 12_000);

        JsonNode first = takeBack("user-back", "r-back");
        int itemsAfterFirst = fixture.itemCount();
        JsonNode retried = takeBack("user-back", "r-back");

        assertThat(first.get("operationId").stringValue()).isEqualTo("r-back:take-back");
        assertThat(first.get("pointsTakenBack").longValue()).isEqualTo(120);
        assertThat(first.get("balance").longValue()).isEqualTo(1_000);
        assertThat(retried).isEqualTo(first);
        assertThat(fixture.itemCount()).isEqualTo(itemsAfterFirst);
        assertThat(book.ledger("user-back").newestFirst()).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.EARNING_REVERSED, LedgerKind.EARNED, LedgerKind.CHARGED);
        assertThat(history("user-back").get("entries").findValuesAsString("type"))
                .containsExactly("EARNING_REVERSED", "EARNED", "CHARGED");
        assertThat(fixture.eventsValidated("user-back")).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.POINT_EARNING_REVERSED);
            assertThat(event.payload().get("operationId").stringValue()).isEqualTo("r-back:take-back");
            assertThat(event.payload().get("amount").longValue()).isEqualTo(120);
            assertThat(event.payload().get("cardAmount").longValue()).isEqualTo(12_000);
        });
    }

    @Test
    void takeBack_afterTheEarnedPointsWereSpent_throwsEarnedPointsSpentUnwrapped_andWritesNothing() {
        earn("user-spent", "r-spent", 12_000);
        book.deduct("user-spent", "r-next", 50);
        int items = fixture.itemCount();

        assertThatThrownBy(() -> takeBack("user-spent", "r-spent"))
                .isExactlyInstanceOf(EarnedPointsSpent.class)
                .hasNoCause();
        assertThat(EarnedPointsSpent.class.getName()).isEqualTo("io.ticketflow.kernel.saga.EarnedPointsSpent");
        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(book.account("user-spent").balance()).isEqualTo(70);
        assertThat(fixture.eventsValidated("user-spent")).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.POINT_EARNED, EventTypes.POINT_DEDUCTED);
    }

    @Test
    void takeBack_retriedAfterTheRestWasSpent_stillAnswersTheFirstTakeBack() {
        book.charge("user-late", "req-1", 100);
        earn("user-late", "r-late", 12_000);
        JsonNode first = takeBack("user-late", "r-late");
        book.deduct("user-late", "r-other", 50);

        JsonNode retried = takeBack("user-late", "r-late");

        assertThat(retried).isEqualTo(first);
        assertThat(book.account("user-late").balance()).isEqualTo(50);
    }

    @Test
    void takeBack_ofABookingThatEarnedNothing_answersZero_andOnlyFencesTheEarningOut() {
        book.charge("user-none", "req-1", 300);
        int items = fixture.itemCount();

        JsonNode answer = takeBack("user-none", "r-none");
        JsonNode retried = takeBack("user-none", "r-none");

        assertThat(answer.get("pointsTakenBack").longValue()).isZero();
        assertThat(answer.get("balance").longValue()).isEqualTo(300);
        assertThat(retried).isEqualTo(answer);
        assertThat(fixture.itemCount()).isEqualTo(items + 1);
        assertThat(fixture.accountItem("user-none", "FENCE#r-none:earn")).isNotEmpty();
        assertThat(fixture.eventsValidated("user-none")).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.POINT_CHARGED);
    }

    @Test
    void earnPoints_landingAfterTheCancellationsTakeBackFoundNothing_earnsNothing() {
        // ConfirmReservation comes before EarnPoints: the fan may cancel while the earning is still on its way
        takeBack("user-window", "r-window");
        int items = fixture.itemCount();

        JsonNode earned = earn("user-window", "r-window", 12_000);

        assertThat(earned.get("pointsEarned").longValue()).isZero();
        assertThat(earned.get("balance").longValue()).isZero();
        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(book.account("user-window").balance()).isZero();
    }

    @Test
    void earnPoints_sentAnotherReservationsOperationId_isRefused_andWritesNothing() {
        ObjectNode input = LAMBDA.event("task-earn-points.json").put("userId", "user-wrong").put("reservationId", "r-a")
                .put("operationId", "r-b:earn");
        int items = fixture.itemCount();

        assertThatThrownBy(() -> LAMBDA.invoke(PointResources.EARN_POINTS, fixture.json.writeValueAsBytes(input)))
                .hasStackTraceContaining("r-a:earn");
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    private static JsonNode earn(String userId, String reservationId, long cardAmount) {
        ObjectNode input = LAMBDA.event("task-earn-points.json").put("userId", userId)
                .put("reservationId", reservationId).put("operationId", reservationId + ":earn")
                .put("cardAmount", cardAmount);
        return LAMBDA.invoke(PointResources.EARN_POINTS, fixture.json.writeValueAsBytes(input));
    }

    private static JsonNode takeBack(String userId, String reservationId) {
        ObjectNode input = LAMBDA.event("task-take-back-earned-points.json").put("userId", userId)
                .put("reservationId", reservationId).put("operationId", reservationId + ":take-back");
        return LAMBDA.invoke(PointResources.TAKE_BACK_EARNED_POINTS, fixture.json.writeValueAsBytes(input));
    }

    private static JsonNode history(String userId) {
        ObjectNode event = LAMBDA.event("apigw-v2-point-history.json");
        ((ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims")).put("sub", userId);
        return LAMBDA.body(LAMBDA.invoke(PointResources.POINT_HISTORY, fixture.json.writeValueAsBytes(event)));
    }
}
