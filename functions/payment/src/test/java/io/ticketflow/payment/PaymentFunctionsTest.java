package io.ticketflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class PaymentFunctionsTest {

    @Test
    void initialize_registersEveryCatalogueFunctionOfThePaymentServiceByName() {
        List<String> catalogueNames = Catalogue.functions().stream()
                .filter(f -> f.service() == Service.PAYMENT).map(FunctionSpec::name).toList();
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new PaymentFunctions().initialize(ctx);

            assertThat(catalogueNames).hasSize(8).allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name))
                    .as("function bean %s", name).isTrue());
        }
    }
}
