package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionKind;

class StageTest {

    /** AWS's default concurrency per account and Region, of which 100 must stay unreserved. */
    private static final int DEFAULT_ACCOUNT_CONCURRENCY = 1000;
    private static final int UNRESERVED_MINIMUM = 100;

    @Test
    void everyStage_throttlesAnonymousRoutesHarderThanItsDefault() {
        for (Stage stage : Stage.values()) {
            assertThat(stage.anonymousThrottle().rateLimit()).as(stage.id()).isLessThan(stage.apiRateLimit());
            assertThat(stage.anonymousThrottle().burstLimit()).as(stage.id()).isLessThan(stage.apiBurstLimit());
        }
    }

    @Test
    void onlyProd_reservesConcurrencyForHttpFunctions() {
        assertThat(Catalogue.functions()).filteredOn(spec -> spec.kind() == FunctionKind.HTTP).allSatisfy(spec -> {
            assertThat(Stage.PROD.reservedConcurrency(spec)).as(spec.name()).isNotNull().isPositive();
            assertThat(Stage.STAGING.reservedConcurrency(spec)).as(spec.name()).isNull();
            assertThat(Stage.DEV.reservedConcurrency(spec)).as(spec.name()).isNull();
        });
    }

    @Test
    void prodReservations_fitAnAccountWithTheDefaultConcurrency() {
        int reserved = Catalogue.functions().stream()
                .map(Stage.PROD::reservedConcurrency)
                .filter(Objects::nonNull)
                .mapToInt(Integer::intValue)
                .sum();

        // Lambda refuses a reservation that leaves fewer than 100 unreserved: the deployment would fail
        assertThat(reserved).isLessThanOrEqualTo(DEFAULT_ACCOUNT_CONCURRENCY - UNRESERVED_MINIMUM);
    }
}
