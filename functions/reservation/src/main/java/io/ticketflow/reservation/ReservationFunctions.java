package io.ticketflow.reservation;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.AdmissionEventHandler;
import io.ticketflow.messaging.EventConsumer;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Reservation service's functions, registered by their catalogue names (its Lambda {@code MAIN_CLASS}).
 * So far: the consumer that keeps Reservation's own admission view of the waiting queue.
 */
public final class ReservationFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String ADMISSION_CONSUMER = "reservationAdmissionConsumer";
    static final String ADMISSIONS_TABLE = "reservation-admissions";
    static final String INBOX_TABLE = "reservation-inbox";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        FunctionBeans.sqs(ctx, Catalogue.function(ADMISSION_CONSUMER).name(), () -> {
            AwsClients aws = ctx.getBean(AwsClients.class);
            AwsSettings settings = aws.settings();
            return new EventConsumer(aws.dynamoDb(),
                    settings.physicalName(Catalogue.table(INBOX_TABLE).name()),
                    new AdmissionEventHandler(settings.physicalName(Catalogue.table(ADMISSIONS_TABLE).name())),
                    ctx.getBean(JsonMapper.class), ctx.getBean(Clock.class));
        });
    }
}
