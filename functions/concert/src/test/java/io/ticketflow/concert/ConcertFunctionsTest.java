package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class ConcertFunctionsTest {

    @Test
    void initialize_registersEveryCatalogueFunctionOfTheConcertServiceByName() {
        List<String> catalogueNames = Catalogue.functions().stream()
                .filter(f -> f.service() == Service.CONCERT).map(FunctionSpec::name).toList();
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new ConcertFunctions().initialize(ctx);

            assertThat(catalogueNames).hasSize(6).allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name))
                    .as("function bean %s", name).isTrue());
            assertThat(ctx.containsBeanDefinition(ConcertFunctions.PUBLISH_CONCERT)).isTrue();
            assertThat(ctx.containsBeanDefinition(ConcertFunctions.REPLAY_SEAT_MAPS)).isTrue();
        }
    }

    @Test
    void catalogue_routesEveryProjectedReservationEventToTheProjectorQueue() {
        assertThat(Catalogue.queuesFor("reservation-events", "RESERVATION_CREATED")).contains("concert-reservation-events");
        assertThat(Catalogue.queuesFor("reservation-events", "RESERVATION_CONFIRMED")).contains("concert-reservation-events");
        assertThat(Catalogue.queuesFor("concert-events", "CONCERT_PUBLISHED"))
                .contains("queue-concert-events", "reservation-concert-events");
    }
}
