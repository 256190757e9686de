package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointFunctionsTest {

    private static final List<String> CATALOGUE_NAMES = Catalogue.functions().stream()
            .filter(f -> f.service() == Service.POINT).map(FunctionSpec::name).toList();

    /** What the CDK app adds for every point function: the provider's API and its webhook secret. */
    static final Map<String, String> PROVIDER_SETTINGS = Map.of(
            PointSettings.PROVIDER_URL, "https://provider.example/v1",
            PointSettings.WEBHOOK_SECRET, "whsec_" + "x".repeat(40));

    @Test
    void everyPointFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.POINT, PointFunctions::new, function -> PROVIDER_SETTINGS))
                .containsExactlyInAnyOrder("chargePoints", "startTopUp", "topUpWebhook", "pointBalance",
                        "pointHistory", "deductPoints", "refundPoints", "earnPoints", "takeBackEarnedPoints",
                        "pointEventsRelay");
    }

    @Test
    void aPointFunctionWithAnEarnRateThatIsNoPercentage_failsAtStartUp_namingTheSetting() {
        for (String rate : List.of("1,5", "-1", "100.5")) {
            Map<String, String> settings = new HashMap<>(PROVIDER_SETTINGS);
            settings.put(PointSettings.EARN_RATE_PERCENT, rate);

            assertThatThrownBy(() -> LambdaStarts.everyFunctionOf(Service.POINT, PointFunctions::new,
                    function -> settings)).as(rate).hasMessageContaining(PointSettings.EARN_RATE_PERCENT);
        }
    }

    @Test
    void aPointFunctionWithoutTheWebhookSecret_failsAtStartUp_namingTheSetting() {
        assertThatThrownBy(() -> LambdaStarts.everyFunctionOf(Service.POINT, PointFunctions::new,
                function -> Map.of(PointSettings.PROVIDER_URL, "https://provider.example/v1")))
                .hasMessageContaining(PointSettings.WEBHOOK_SECRET + " is not set");
    }

    @Test
    void aPointFunctionWithoutTheProviderUrl_failsAtStartUp_namingTheSetting() {
        assertThatThrownBy(() -> LambdaStarts.everyFunctionOf(Service.POINT, PointFunctions::new,
                function -> Map.of(PointSettings.WEBHOOK_SECRET, "whsec_" + "x".repeat(40))))
                .hasMessageContaining(PointSettings.PROVIDER_URL + " is not set");
    }

    @Test
    void usersBuyPointsThroughATopUp_onlyOperatorsChargeDirectly_andOnlyTheProviderCallsTheWebhook() {
        List<Route> routes = Catalogue.routes().stream().filter(r -> CATALOGUE_NAMES.contains(r.function())).toList();

        assertThat(routes).extracting(Route::routeKey).containsExactlyInAnyOrder("POST /points/charges",
                "POST /points/top-ups", "POST /points/top-ups/webhook", "GET /points/balance", "GET /points/history");
        assertThat(routes).filteredOn(r -> r.path().equals("/points/charges")).singleElement()
                .satisfies(charge -> assertThat(charge.authorizationScopes()).containsExactly(Route.ADMIN_SCOPE));
        // the provider has no JWT: the function checks its signature
        assertThat(routes).filteredOn(r -> !r.authenticated()).extracting(Route::path)
                .containsExactly("/points/top-ups/webhook");
    }
}
