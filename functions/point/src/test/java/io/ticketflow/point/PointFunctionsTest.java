package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointFunctionsTest {

    private static final List<String> CATALOGUE_NAMES = Catalogue.functions().stream()
            .filter(f -> f.service() == Service.POINT).map(FunctionSpec::name).toList();

    /** The CDK app gives point functions nothing beyond what every function gets. */
    @Test
    void everyPointFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.POINT, PointFunctions::new, function -> Map.of()))
                .containsExactlyInAnyOrder("chargePoints", "pointBalance", "pointHistory", "deductPoints",
                        "refundPoints", "pointEventsRelay");
    }

    @Test
    void everyPointRoute_isAuthenticated_becauseEveryAnswerIsAboutTheCallersOwnAccount() {
        List<Route> routes = Catalogue.routes().stream().filter(r -> CATALOGUE_NAMES.contains(r.function())).toList();

        assertThat(routes).extracting(Route::routeKey)
                .containsExactlyInAnyOrder("POST /points/charges", "GET /points/balance", "GET /points/history");
        assertThat(routes).allMatch(Route::authenticated);
    }
}
