package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class QueueFunctionsTest {

    @Test
    void initialize_registersEveryCatalogueFunctionOfTheQueueServiceByName() {
        List<String> catalogueNames = Catalogue.functions().stream()
                .filter(f -> f.service() == Service.QUEUE).map(FunctionSpec::name).toList();
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new QueueFunctions().initialize(ctx);

            assertThat(catalogueNames).isNotEmpty().allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name))
                    .as("function bean %s", name).isTrue());
            assertThat(ctx.containsBeanDefinition(QueueFunctions.OPEN_QUEUE)).isTrue();
        }
    }
}
