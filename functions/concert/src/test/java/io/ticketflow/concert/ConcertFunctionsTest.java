package io.ticketflow.concert;

import static io.ticketflow.catalog.ConcertResources.ADMIN_PUBLISH_CONCERT;
import static io.ticketflow.catalog.ConcertResources.CONCERT_EVENTS_RELAY;
import static io.ticketflow.catalog.ConcertResources.LIST_CONCERTS;
import static io.ticketflow.catalog.ConcertResources.LIST_SCHEDULES;
import static io.ticketflow.catalog.ConcertResources.SEAT_MAP;
import static io.ticketflow.catalog.ConcertResources.SEAT_MAP_PROJECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcertFunctionsTest {

    /** The CDK app gives concert functions nothing beyond what every function gets. */
    @Test
    void everyConcertFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.CONCERT, ConcertFunctions::new, function -> Map.of()))
                .containsExactlyInAnyOrder(LIST_CONCERTS, LIST_SCHEDULES, SEAT_MAP, ADMIN_PUBLISH_CONCERT,
                        SEAT_MAP_PROJECTOR, CONCERT_EVENTS_RELAY);
    }

    @Test
    void catalogue_routesEveryProjectedReservationEventToTheProjectorQueue() {
        assertThat(Catalogue.queuesFor("reservation-events", "RESERVATION_CREATED")).contains("concert-reservation-events");
        assertThat(Catalogue.queuesFor("reservation-events", "RESERVATION_CONFIRMED")).contains("concert-reservation-events");
        assertThat(Catalogue.queuesFor("concert-events", "CONCERT_PUBLISHED"))
                .contains("queue-concert-events", "reservation-concert-events");
    }
}
