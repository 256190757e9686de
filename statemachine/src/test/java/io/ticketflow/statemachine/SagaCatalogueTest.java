package io.ticketflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.catalog.FunctionSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ASL files name functions only through placeholders the CDK app and the local runtime can resolve:
 * each a saga task of the catalogue, so it is deployed, invocable by the saga role and started locally.
 */
class SagaCatalogueTest {

    @Test
    void everyPlaceholder_namesASagaTaskFunctionOfTheCatalogue() {
        for (SagaDefinition definition : SagaDefinition.all()) {
            for (String placeholder : definition.placeholders()) {
                Optional<String> function = SagaDefinition.functionOf(placeholder);

                assertThat(function).as(definition.name() + " ${" + placeholder + "}").isPresent();
                FunctionSpec spec = Catalogue.function(function.get());
                assertThat(spec.kind()).as(function.get()).isEqualTo(FunctionKind.SAGA_TASK);
            }
        }
    }

    @Test
    void localFunctionArns_replaceEveryPlaceholder() {
        String local = SagaDefinition.BOOKING.withFunctionArns(
                name -> "arn:aws:lambda:us-east-1:123456789012:function:" + name);

        assertThat(local).doesNotContain("${")
                .contains("\"arn:aws:lambda:us-east-1:123456789012:function:releaseSeats\"")
                .contains("\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:awaitPayment\"");
    }
}
