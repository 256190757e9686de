package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.Service;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class PointFunctionsTest {

    private static final List<String> CATALOGUE_NAMES = Catalogue.functions().stream()
            .filter(f -> f.service() == Service.POINT).map(FunctionSpec::name).toList();

    @Test
    void initialize_registersEveryCatalogueFunctionOfThePointServiceByName() {
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new PointFunctions().initialize(ctx);

            assertThat(CATALOGUE_NAMES).containsExactlyInAnyOrder("chargePoints", "pointBalance", "pointHistory",
                    "deductPoints", "refundPoints", "pointEventsRelay");
            assertThat(CATALOGUE_NAMES).allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name))
                    .as("function bean %s", name).isTrue());
        }
    }

    @Test
    void everyPointRoute_isAuthenticated_becauseEveryAnswerIsAboutTheCallersOwnAccount() {
        List<Route> routes = Catalogue.routes().stream().filter(r -> CATALOGUE_NAMES.contains(r.function())).toList();

        assertThat(routes).extracting(Route::routeKey)
                .containsExactlyInAnyOrder("POST /points/charges", "GET /points/balance", "GET /points/history");
        assertThat(routes).allMatch(Route::authenticated);
    }
}
