package io.ticketflow.local;

import io.ticketflow.reservation.ReservationFunctions;
import io.ticketflow.reservation.domain.BookingSagas;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A start class for tests of holds, cancels and lapses alone: {@link TestFunctions} with a booking saga double that
 * only records the reservation ids it was asked to start, so no saga releases or confirms a hold behind the
 * test's back. Registered before the services, so the Reservation service keeps it.
 */
public final class SagalessFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /** Reservation ids whose saga a hold started, across every context of this class. */
    static final List<String> STARTED = new CopyOnWriteArrayList<>();

    @Override
    public void initialize(GenericApplicationContext ctx) {
        ctx.registerBean(ReservationFunctions.BOOKING_SAGAS, BookingSagas.class,
                () -> pending -> STARTED.add(pending.reservationId()));
        new TestFunctions().initialize(ctx);
    }

    /** Starts a runtime whose functions run under this class, then puts the previous start class back. */
    static LocalRuntime start(LocalOptions options, Topology topology) {
        String startClass = System.getProperty("MAIN_CLASS");
        System.setProperty("MAIN_CLASS", SagalessFunctions.class.getName());
        try {
            return LocalRuntime.start(options, topology);
        } finally {
            if (startClass == null) {
                System.clearProperty("MAIN_CLASS");
            } else {
                System.setProperty("MAIN_CLASS", startClass);
            }
        }
    }
}
