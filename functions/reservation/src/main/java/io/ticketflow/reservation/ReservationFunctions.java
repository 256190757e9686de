package io.ticketflow.reservation;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.AdmissionEventHandler;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.EventHandler;
import io.ticketflow.messaging.StreamRelay;
import io.ticketflow.reservation.adapter.DynamoDbReservationRepository;
import io.ticketflow.reservation.adapter.SeatInventoryHandler;
import io.ticketflow.reservation.domain.CancellationPolicy;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.adapter.SqsStuckBookings;
import io.ticketflow.reservation.adapter.StepFunctionsBookingCancellations;
import io.ticketflow.reservation.adapter.StepFunctionsBookingSagas;
import io.ticketflow.reservation.domain.BookingCancellations;
import io.ticketflow.reservation.function.CancelBooking;
import io.ticketflow.reservation.function.CancelBookingFunction;
import io.ticketflow.reservation.domain.BookingSagas;
import io.ticketflow.reservation.function.PendingBookings;
import io.ticketflow.reservation.function.PendingBookingsFunction;
import io.ticketflow.reservation.function.PendingBookingsQuery;
import io.ticketflow.reservation.domain.StuckBooking;
import io.ticketflow.reservation.function.CancelReservationFunction;
import io.ticketflow.reservation.function.ConfirmReservation;
import io.ticketflow.reservation.function.ConfirmReservationFunction;
import io.ticketflow.reservation.function.ReleaseSeats;
import io.ticketflow.reservation.function.ReleaseSeatsFunction;
import io.ticketflow.reservation.function.ReportStuckBookingFunction;
import io.ticketflow.reservation.function.SagaReservation;
import io.ticketflow.reservation.function.StuckBookingReported;
import io.ticketflow.reservation.function.ExpireHoldsFunction;
import io.ticketflow.reservation.function.GetReservationFunction;
import io.ticketflow.reservation.function.HoldSeats;
import io.ticketflow.reservation.function.HoldSeatsFunction;
import io.ticketflow.reservation.function.ReservationQuery;
import io.ticketflow.reservation.function.ReservationView;
import io.ticketflow.reservation.function.SweepReport;
import io.ticketflow.reservation.function.SweepTick;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Reservation service's functions, registered in code by their catalogue names: the Lambda start class of
 * the reservation jar, and one of the initializers the local runtime runs together.
 */
public final class ReservationFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String ADMISSION_CONSUMER = ReservationResources.ADMISSION_CONSUMER;
    /** Not a catalogue function: the local runtime lists PENDING bookings through it to restart lost sagas. */
    public static final String PENDING_BOOKINGS = "pendingBookings";
    static final String ADMISSIONS_TABLE = ReservationResources.ADMISSIONS_TABLE;
    static final String INBOX_TABLE = ReservationResources.INBOX_TABLE;

    static final String REPOSITORY = "reservationRepository";
    static final String ADMISSION_GATE = "reservationAdmissionGate";
    static final String POLICY = "reservationHoldPolicy";
    static final String CANCELLATION_POLICY = "reservationCancellationPolicy";
    /**
     * The hold's saga starter. A context that registered a bean under this name before this initializer ran keeps
     * it (as {@code KernelBeans} keeps a clock): how a test of holds alone brings an explicit double; every other
     * context builds the Step Functions one, and refuses to start without {@code BOOKING_SAGA_ARN}.
     */
    public static final String BOOKING_SAGAS = "reservationBookingSagas";
    static final String BOOKING_CANCELLATIONS = "reservationBookingCancellations";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        ctx.registerBean(POLICY, HoldPolicy.class, () -> ReservationSettings.policy(ctx.getEnvironment()::getProperty));
        ctx.registerBean(CANCELLATION_POLICY, CancellationPolicy.class,
                () -> ReservationSettings.cancellation(ctx.getEnvironment()::getProperty));
        ctx.registerBean(REPOSITORY, ReservationRepository.class, () -> newRepository(ctx));
        ctx.registerBean(ADMISSION_GATE, AdmissionGate.class, () -> new AdmissionGate(
                AdmissionKeys.verifier(ctx.getEnvironment()::getProperty, aws(ctx)::kms),
                aws(ctx).dynamoDb(), physical(ctx, ReservationResources.ADMISSIONS_TABLE)));
        if (!ctx.containsBeanDefinition(BOOKING_SAGAS)) {
            ctx.registerBean(BOOKING_SAGAS, BookingSagas.class, () -> bookingSagas(ctx));
        }
        ctx.registerBean(BOOKING_CANCELLATIONS, BookingCancellations.class, () -> bookingCancellations(ctx));

        FunctionBeans.http(ctx, ReservationResources.HOLD_SEATS, () -> HttpEndpoint
                .of(request -> HoldSeats.from(request, json(ctx)),
                        new HoldSeatsFunction(reservations(ctx), admissions(ctx), policy(ctx),
                                ctx.getBean(BOOKING_SAGAS, BookingSagas.class), clock(ctx)))
                .status(reservation -> 201)
                .headers(reservation -> Map.of("location", reservation.location())));
        FunctionBeans.http(ctx, ReservationResources.GET_RESERVATION, () -> HttpEndpoint
                .of(ReservationQuery::from, new GetReservationFunction(reservations(ctx), admissions(ctx), clock(ctx))));
        FunctionBeans.http(ctx, ReservationResources.CANCEL_RESERVATION, () -> HttpEndpoint
                .of(ReservationQuery::from, new CancelReservationFunction(reservations(ctx), admissions(ctx), clock(ctx))));
        FunctionBeans.http(ctx, ReservationResources.CANCEL_BOOKING, () -> HttpEndpoint
                .of(CancelBooking::from, new CancelBookingFunction(reservations(ctx),
                        ctx.getBean(BOOKING_CANCELLATIONS, BookingCancellations.class),
                        ctx.getBean(CANCELLATION_POLICY, CancellationPolicy.class), clock(ctx)))
                .status(accepted -> 202)
                .headers(accepted -> Map.of("location", accepted.location())));
        FunctionBeans.task(ctx, ReservationResources.EXPIRE_HOLDS, SweepTick.class, SweepReport.class,
                () -> new ExpireHoldsFunction(reservations(ctx), clock(ctx)));
        FunctionBeans.task(ctx, ReservationResources.CONFIRM_RESERVATION, ConfirmReservation.class, SagaReservation.class,
                () -> new ConfirmReservationFunction(reservations(ctx), clock(ctx)));
        FunctionBeans.task(ctx, ReservationResources.RELEASE_SEATS, ReleaseSeats.class, SagaReservation.class,
                () -> new ReleaseSeatsFunction(reservations(ctx), clock(ctx)));
        FunctionBeans.task(ctx, ReservationResources.REPORT_STUCK_BOOKING, StuckBooking.class, StuckBookingReported.class,
                () -> new ReportStuckBookingFunction(new SqsStuckBookings(aws(ctx).sqs(),
                        ctx.getBean(AwsSettings.class).physicalName(ReservationResources.COMPENSATION_FAILURES_QUEUE), json(ctx)),
                        reservations(ctx)));
        FunctionBeans.task(ctx, PENDING_BOOKINGS, PendingBookingsQuery.class, PendingBookings.class,
                () -> new PendingBookingsFunction(reservations(ctx)));
        FunctionBeans.sqs(ctx, ReservationResources.ADMISSION_CONSUMER, () -> consumer(ctx,
                new AdmissionEventHandler(physical(ctx, ReservationResources.ADMISSIONS_TABLE))));
        FunctionBeans.sqs(ctx, ReservationResources.CATALOG_CONSUMER, () -> consumer(ctx,
                new SeatInventoryHandler(aws(ctx).dynamoDb(), physical(ctx, ReservationResources.SEAT_INVENTORY_TABLE))));
        FunctionBeans.stream(ctx, ReservationResources.EVENTS_RELAY, () -> new StreamRelay(
                aws(ctx).sqs(), ctx.getBean(AwsSettings.class), ReservationResources.EVENTS_TABLE, json(ctx)));
    }

    private static BookingSagas bookingSagas(GenericApplicationContext ctx) {
        return new StepFunctionsBookingSagas(aws(ctx).sfn(),
                ReservationSettings.requiredArn(ctx.getEnvironment()::getProperty, ReservationSettings.BOOKING_SAGA_ARN),
                json(ctx), clock(ctx));
    }

    private static BookingCancellations bookingCancellations(GenericApplicationContext ctx) {
        return new StepFunctionsBookingCancellations(aws(ctx).sfn(),
                ReservationSettings.requiredArn(ctx.getEnvironment()::getProperty, ReservationSettings.BOOKING_CANCELLATION_ARN),
                json(ctx));
    }

    private static EventConsumer consumer(GenericApplicationContext ctx, EventHandler handler) {
        return new EventConsumer(aws(ctx).dynamoDb(), physical(ctx, ReservationResources.INBOX_TABLE), handler,
                json(ctx), clock(ctx));
    }

    private static ReservationRepository newRepository(GenericApplicationContext ctx) {
        return DynamoDbReservationRepository.onTables(aws(ctx).dynamoDb(), logical -> physical(ctx, logical),
                policy(ctx), json(ctx), clock(ctx));
    }

    private static AwsClients aws(GenericApplicationContext ctx) {
        return ctx.getBean(AwsClients.class);
    }

    private static String physical(GenericApplicationContext ctx, String logicalTable) {
        return ctx.getBean(AwsSettings.class).physicalName(logicalTable);
    }

    private static JsonMapper json(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class);
    }

    private static Clock clock(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.CLOCK, Clock.class);
    }

    private static ReservationRepository reservations(GenericApplicationContext ctx) {
        return ctx.getBean(REPOSITORY, ReservationRepository.class);
    }

    private static AdmissionGate admissions(GenericApplicationContext ctx) {
        return ctx.getBean(ADMISSION_GATE, AdmissionGate.class);
    }

    private static HoldPolicy policy(GenericApplicationContext ctx) {
        return ctx.getBean(POLICY, HoldPolicy.class);
    }
}
