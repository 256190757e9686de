package io.ticketflow.bench;

import io.ticketflow.concert.ConcertFunctions;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.queue.QueueFunctions;
import io.ticketflow.reservation.ReservationFunctions;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The bench's start class ({@code MAIN_CLASS}) for the local runtime: the initializers of the services whose
 * functions the figures run (queue and admission for {@link BenchTopology}; concert and reservation holds for
 * the issue #3 figures) — exactly as Lambda and {@code LocalFunctions} run them — with
 * AWS clients that report to {@link #EMULATOR_TIMER}. The clients are registered first, so
 * {@code KernelBeans} (which registers only what is absent) keeps them.
 */
public final class InstrumentedFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /**
     * Static because {@code FunctionInvoker} creates the start class by reflection, one context per function:
     * this is the one way for the bench to read what the functions' clients recorded.
     */
    static final EmulatorTimer EMULATOR_TIMER = new EmulatorTimer();

    @Override
    public void initialize(GenericApplicationContext ctx) {
        ctx.registerBean(KernelBeans.AWS_CLIENTS, AwsClients.class,
                () -> new AwsClients(ctx.getBean(AwsSettings.class), List.of(EMULATOR_TIMER)));
        new QueueFunctions().initialize(ctx);
        new ReservationFunctions().initialize(ctx);
        new ConcertFunctions().initialize(ctx);
    }
}
