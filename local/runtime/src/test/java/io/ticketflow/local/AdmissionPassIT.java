package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue #10's acceptance scenario over HTTP through the local runtime: a whole crowd activated in one tick holds
 * seats the moment the queue says ACTIVE, and not one is told "not yet". The pass is the proof of admission; no
 * event has to reach Reservation first. Only a revocation travels by event, and a replayed pass meets it.
 */
@ExtendWith(MotoExtension.class)
class AdmissionPassIT {

    /** What each function called while the tests ran, against its catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("holdSeats", "pay");

    private static final int FANS = 200;
    private static final String CONCERT = "concert-pass";
    private static final String SCHEDULE = "schedule-pass";
    private static final int NEVER = 86_400;

    private static LocalRuntime runtime;
    private static Bookings bookings;
    private static LocalLambdas activation;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        // the activation schedule never fires: the test's one tick admits the whole crowd at once
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "pass-", ProjectRoot.find(),
                Map.of(QueueResources.ACTIVATION_SCHEDULE, NEVER),
                Map.of(QueueSettings.BATCH_SIZE, String.valueOf(FANS + 10), QueueSettings.MAX_ACTIVE, String.valueOf(FANS + 10)),
                false);
        runtime = LocalRuntime.start(options, Topology.catalogue());
        bookings = new Bookings(runtime);
        runtime.publish(new Concert(CONCERT, "Pass night", "The Signatures", "Local Arena", List.of(new Schedule(SCHEDULE,
                Instant.parse("2027-06-01T19:00:00Z"), List.of(new Section("Floor", "R", 90, 1, FANS + 10))))));
        activation = LocalLambdas.start(List.of(QueueResources.ACTIVATE_QUEUE), Bookings.JSON, Faults.NONE);
        // publishing opens the queue and gives Reservation the seats through events
        Eventually.within(Bookings.WAIT, () -> assertThat(bookings.user("opener").entered(CONCERT).queueToken).isNotBlank());
        Eventually.within(Bookings.WAIT, () -> assertThat(seatInventoryReached()).isTrue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void crowdActivatedInOneTick_holdsTheMomentTheQueueSaysActive_andNobodyIsRefused() throws Exception {
        List<Bookings.User> fans = IntStream.range(0, FANS).mapToObj(i -> bookings.user("fan-" + i)).toList();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            for (Future<?> entered : clients.invokeAll(fans.stream().map(fan -> (java.util.concurrent.Callable<?>) () -> fan.entered(CONCERT)).toList())) {
                entered.get();
            }
            HttpResponse<String> early = hold(fans.get(0), 1);
            assertThat(early.statusCode()).as(early.body()).isEqualTo(403);
            assertThat(early.body()).contains("/problems/admission-pass-missing");

            tick();

            List<Future<HttpResponse<String>>> holds = new ArrayList<>();
            for (int i = 0; i < FANS; i++) {
                Bookings.User fan = fans.get(i);
                int seatNo = i + 1;
                holds.add(clients.submit(() -> {
                    assertThat(fan.queueStatus()).isEqualTo("ACTIVE");
                    return hold(fan, seatNo);
                }));
            }
            List<String> refused = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : holds) {
                HttpResponse<String> held = answer.get();
                if (held.statusCode() != 201) {
                    refused.add(held.statusCode() + " " + held.body());
                }
            }
            assertThat(refused).as("holds refused right after the queue said ACTIVE").isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void passReplayedAfterItsBookingConfirmed_isRefusedAsRevoked_byReservationAndPayment() {
        Bookings.User alice = bookings.user("alice").entered(CONCERT);
        tick();
        alice.admittedTo(CONCERT).toppedUp(1000).holding(SCHEDULE, FANS + 1);
        HttpResponse<String> paid = alice.payOnceAwaited("key-alice", null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("CONFIRMED");

        // the booking expired the token; its QUEUE_EXPIRED reaches each service's revocation view by event
        Eventually.within(Bookings.WAIT, () -> {
            assertThat(revocation(ReservationResources.ADMISSIONS_TABLE, alice.queueToken)).isEqualTo("EXPIRED");
            assertThat(revocation(PaymentResources.ADMISSIONS_TABLE, alice.queueToken)).isEqualTo("EXPIRED");
        });
        HttpResponse<String> replayedHold = hold(alice, FANS + 2);
        HttpResponse<String> replayedPay = alice.pay("key-alice-again", null);

        assertThat(replayedHold.statusCode()).as(replayedHold.body()).isEqualTo(403);
        assertThat(replayedHold.body()).contains("/problems/admission-pass-revoked");
        assertThat(replayedPay.statusCode()).as(replayedPay.body()).isEqualTo(403);
        assertThat(replayedPay.body()).contains("/problems/admission-pass-revoked");
    }

    private static void tick() {
        activation.invoke(QueueResources.ACTIVATE_QUEUE, Bookings.JSON.createObjectNode().put("concertId", CONCERT));
    }

    private static HttpResponse<String> hold(Bookings.User fan, int seatNo) {
        return bookings.send("POST", "/reservations", fan.bearer,
                Bookings.JSON.writeValueAsString(Map.of("scheduleId", SCHEDULE, "seatNos", List.of(seatNo))), fan.passHeader());
    }

    private static boolean seatInventoryReached() {
        return !runtime.clients().dynamoDb().query(q -> q
                .tableName(runtime.settings().physicalName(ReservationResources.SEAT_INVENTORY_TABLE))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Catalogue.table(ReservationResources.SEAT_INVENTORY_TABLE).partitionKey().name()))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(SCHEDULE)))
                .limit(1)).items().isEmpty();
    }

    private static String revocation(String logicalTable, String token) {
        Map<String, AttributeValue> item = runtime.clients().dynamoDb().getItem(g -> g
                .tableName(runtime.settings().physicalName(logicalTable))
                .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(token)))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("status") ? null : item.get("status").s();
    }
}
