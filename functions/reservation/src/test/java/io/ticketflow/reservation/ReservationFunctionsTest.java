package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class ReservationFunctionsTest {

    @Test
    void initializer_registersEveryReservationFunctionOfTheCatalogue_underItsName() {
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new ReservationFunctions().initialize(ctx);

            assertThat(Catalogue.functions()).filteredOn(f -> f.service() == Service.RESERVATION)
                    .isNotEmpty()
                    .extracting(FunctionSpec::name)
                    .allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name)).as(name).isTrue());
        }
    }
}
