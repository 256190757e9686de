package io.ticketflow.queue;

import static io.ticketflow.catalog.QueueResources.ACTIVATE_QUEUE;
import static io.ticketflow.catalog.QueueResources.ADMIN_CLOSE_QUEUE;
import static io.ticketflow.catalog.QueueResources.ADMIN_OPEN_QUEUE;
import static io.ticketflow.catalog.QueueResources.CONCERT_CONSUMER;
import static io.ticketflow.catalog.QueueResources.ENTER_QUEUE;
import static io.ticketflow.catalog.QueueResources.EXPIRE_QUEUE_TOKEN;
import static io.ticketflow.catalog.QueueResources.EXPIRE_QUEUE_TOKENS;
import static io.ticketflow.catalog.QueueResources.QUEUE_EVENTS_RELAY;
import static io.ticketflow.catalog.QueueResources.QUEUE_NOW_SERVING;
import static io.ticketflow.catalog.QueueResources.QUEUE_STATUS;
import static io.ticketflow.catalog.QueueResources.RESTORE_QUEUE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueFunctionsTest {

    @Test
    void everyQueueFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.QUEUE, QueueFunctions::new, QueueFunctionsTest::cdkEnvironment))
                .containsExactlyInAnyOrder(ENTER_QUEUE, QUEUE_STATUS, QUEUE_NOW_SERVING, ADMIN_OPEN_QUEUE, ADMIN_CLOSE_QUEUE, ACTIVATE_QUEUE,
                        EXPIRE_QUEUE_TOKENS, QUEUE_EVENTS_RELAY, CONCERT_CONSUMER, EXPIRE_QUEUE_TOKEN, RESTORE_QUEUE_TOKEN);
    }

    /** ServiceStack: every queue function gets the pass key and 16 counter shards, the activation its batch. */
    private static Map<String, String> cdkEnvironment(String function) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(AdmissionKeys.KMS_KEY_ID, LambdaStarts.ADMISSION_KMS_KEY);
        environment.put(QueueSettings.COUNTER_SHARDS, "16");
        if (function.equals(ACTIVATE_QUEUE)) {
            environment.put(QueueSettings.BATCH_SIZE, "100");
        }
        return environment;
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
