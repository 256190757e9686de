package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(MotoExtension.class)
class KernelBeansIT {

    @Test
    void awsClients_fromEnvironmentEndpoint_talkToTheEmulatorThroughTheRealSdk(EmulatorEndpoint endpoint) {
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lambda-env", Map.of(
                    AwsSettings.ENDPOINT, endpoint.uri().toString(),
                    AwsSettings.REGION, endpoint.region(),
                    AwsSettings.RESOURCE_PREFIX, "it-")));
            KernelBeans.register(ctx);
            ctx.refresh();
            AwsClients aws = ctx.getBean(AwsClients.class);
            String table = aws.settings().physicalName("kernel-probe");

            aws.dynamoDb().createTable(create -> create.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            String queueUrl = aws.sqs().createQueue(create -> create.queueName(aws.settings().physicalName("probe")))
                    .queueUrl();

            assertThat(aws.dynamoDb().listTables().tableNames()).contains("it-kernel-probe");
            assertThat(queueUrl).endsWith("/it-probe");
        }
    }
}
