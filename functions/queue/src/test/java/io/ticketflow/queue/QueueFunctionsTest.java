package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class QueueFunctionsTest {

    @Test
    void initialize_registersEveryCatalogueFunctionOfTheQueueServiceByName() {
        List<String> catalogueNames = Catalogue.functions().stream()
                .filter(f -> f.service() == Service.QUEUE).map(FunctionSpec::name).toList();
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new QueueFunctions().initialize(ctx);

            assertThat(catalogueNames).isNotEmpty().allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name))
                    .as("function bean %s", name).isTrue());
            assertThat(ctx.containsBeanDefinition(QueueFunctions.OPEN_QUEUE)).isTrue();
        }
    }

    /**
     * An enter and an activation are the Queue's own business (the pass admits without an event): routing them would
     * cost each admission view an SQS message and an inbox write per user. Only revocations travel.
     */
    @Test
    void queueEvents_reachTheAdmissionViewsOnlyWhenTheyRevoke_andEnterOrActivationSendsNoMessage() {
        List<String> admissionViews = List.of(ReservationResources.ADMISSION_QUEUE, PaymentResources.ADMISSION_QUEUE);

        assertThat(Catalogue.queuesFor(QueueResources.EVENTS_TABLE, EventTypes.QUEUE_WAITING)).isEmpty();
        assertThat(Catalogue.queuesFor(QueueResources.EVENTS_TABLE, EventTypes.QUEUE_ACTIVATED)).isEmpty();
        assertThat(Catalogue.queuesFor(QueueResources.EVENTS_TABLE, EventTypes.QUEUE_RESTORED))
                .containsExactlyInAnyOrderElementsOf(admissionViews);
        assertThat(Catalogue.queuesFor(QueueResources.EVENTS_TABLE, EventTypes.QUEUE_EXPIRED))
                .containsExactlyInAnyOrderElementsOf(admissionViews);
    }
}
