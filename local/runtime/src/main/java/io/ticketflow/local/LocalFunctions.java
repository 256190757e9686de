package io.ticketflow.local;

import io.ticketflow.concert.ConcertFunctions;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.payment.PaymentFunctions;
import io.ticketflow.point.PointFunctions;
import io.ticketflow.queue.QueueFunctions;
import io.ticketflow.reservation.ReservationFunctions;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The start class ({@code MAIN_CLASS}) of every local {@code FunctionInvoker}: runs each service's own
 * initializer, the very one Lambda runs, in one context. Kernel beans register only when absent, so the
 * services share one JSON mapper, clock and set of AWS clients.
 */
public final class LocalFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    private final List<ApplicationContextInitializer<GenericApplicationContext>> services =
            List.of(new QueueFunctions(), new ConcertFunctions(), new ReservationFunctions(),
                    new PointFunctions(), new PaymentFunctions());

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        services.forEach(service -> service.initialize(ctx));
    }
}
