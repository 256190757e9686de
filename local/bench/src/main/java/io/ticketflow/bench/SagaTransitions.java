package io.ticketflow.bench;

import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.HistoryEvent;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.reservation.ReservationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue #4: Step Functions state transitions of one booking saga per path of DESIGN §3, each made to happen over
 * HTTP through the local runtime (a fault injected with {@code X-Fault-Inject}, a short balance, a short hold).
 * The happy path must stay within {@link #HAPPY_PATH_GOAL} transitions, else the figure fails.
 */
final class SagaTransitions implements Figure {

    static final long HAPPY_PATH_GOAL = 8;
    /** Short enough to wait out once, long enough for the other paths' bookings to finish within their holds. */
    private static final int HOLD_SECONDS = 10;

    @Override
    public String name() {
        return "saga-transitions";
    }

    /** A failure path: how it is made to happen and the end the saga must reach. */
    private record Path(String name, String expectedStatus, String expectedError,
                        Function<BookingLoad, BookingClient.Held> booking) {
    }

    private record Result(Path path, long transitions, ExecutionDescription end, String statesEntered) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BookingLoad load = BookingLoad.start(setup, "transitions-",
                Map.of(ReservationSettings.HOLD_SECONDS, String.valueOf(HOLD_SECONDS)))) {
            // the timeout path waits out its hold while the others run
            BookingClient.Held unpaid = load.admitAndHold();
            List<Path> paths = List.of(
                    new Path("happy path", "SUCCEEDED", null, l -> paid(l, BookingLoad.CHARGE, null)),
                    new Path("payment fails (X-Fault-Inject: authorisePayment)", "FAILED", "PaymentFailed",
                            l -> paid(l, BookingLoad.CHARGE, "authorisePayment")),
                    new Path("insufficient points (charged price − 1)", "FAILED", "InsufficientPoints",
                            l -> paid(l, -1, null)),
                    new Path("confirm fails (X-Fault-Inject: confirmReservation)", "FAILED", "ConfirmationFailed",
                            l -> paid(l, BookingLoad.CHARGE, "confirmReservation")),
                    new Path("happy path, half by card (tok_approve)", "SUCCEEDED", null,
                            l -> paidByCard(l, "tok_approve")),
                    new Path("card declined (tok_decline)", "FAILED", "PaymentFailed",
                            l -> paidByCard(l, "tok_decline")),
                    new Path("capture refused after confirmation (tok_capture_fails)", "FAILED", "CaptureFailed",
                            l -> paidByCard(l, "tok_capture_fails")));
            List<BookingClient.Held> bookings = new ArrayList<>();
            for (Path path : paths) {
                bookings.add(path.booking().apply(load));
            }
            Path timeout = new Path("payment timeout (hold " + HOLD_SECONDS + " s, no payment)", "FAILED", "HoldExpired",
                    l -> unpaid);
            List<Path> allPaths = new ArrayList<>(paths);
            allPaths.add(timeout);
            bookings.add(unpaid);
            StepFunctionsEmulator emulator = load.runtime().stepFunctions();
            for (int i = 0; i < allPaths.size(); i++) {
                BookingClient.Held booking = bookings.get(i);
                load.client().settled(booking);
                String arn = load.executionArn(booking.reservationId());
                results.add(new Result(allPaths.get(i), emulator.stateTransitions(arn), emulator.describeExecution(arn),
                        statesEntered(emulator.getExecutionHistory(arn))));
            }
        }

        Table table = new Table("Step Functions state transitions per booking saga, by path (goal on the happy path ≤ "
                + HAPPY_PATH_GOAL + ")", "path", "transitions", "end state", "states entered");
        List<String> wrongEnds = new ArrayList<>();
        for (Result result : results) {
            String end = result.end().status() + (result.end().error() == null ? "" : " " + result.end().error());
            table.row(result.path().name(), result.transitions(), end, result.statesEntered());
            if (!result.end().status().toString().equals(result.path().expectedStatus())
                    || !Objects.equals(result.end().error(), result.path().expectedError())) {
                wrongEnds.add(result.path().name() + " ended " + end);
            }
        }
        table.note("transitions as Step Functions bills them, counted by the local emulator"
                        + " (StepFunctionsEmulator.stateTransitions): one per state entered, in branches too, plus one per retry")
                .note("states entered: from the execution history (StateEntered events), in order; a retried Task is"
                        + " entered once and its retries count as transitions only")
                .note("each path is one booking over HTTP through the local runtime; its end state is checked against"
                        + " DESIGN §3");
        if (!wrongEnds.isEmpty()) {
            throw new IllegalStateException("a saga path did not end as DESIGN §3 says: " + wrongEnds + "\n" + table.render());
        }
        for (Result result : results) {
            if (result.path().expectedError() == null && result.transitions() > HAPPY_PATH_GOAL) {
                throw new IllegalStateException(result.path().name() + " takes " + result.transitions()
                        + " transitions, over the goal of " + HAPPY_PATH_GOAL + "\n" + table.render());
            }
        }
        return List.of(table);
    }

    /** A booking paid as a client would; {@code points} < 0 charges that much less than the seat's price. */
    private static BookingClient.Held paid(BookingLoad load, long points, String faultAt) {
        BookingClient.Held held = load.admitAndHold();
        load.client().topUp(held.user(), points < 0 ? held.totalPrice() + points : points);
        load.client().pay(held, faultAt);
        return held;
    }

    /** A booking paid half by the simulated provider's test card {@code token}, half in points. */
    private static BookingClient.Held paidByCard(BookingLoad load, String token) {
        BookingClient.Held held = load.admitAndHold();
        load.client().topUp(held.user(), held.totalPrice());
        load.client().pay(held, null, BookingClient.Split.halfByCard(held.totalPrice(), token));
        return held;
    }

    private static String statesEntered(List<HistoryEvent> history) {
        return history.stream().filter(event -> event.type().endsWith("StateEntered"))
                .map(event -> event.details().path("name").asString())
                .collect(Collectors.joining(" → "));
    }
}
