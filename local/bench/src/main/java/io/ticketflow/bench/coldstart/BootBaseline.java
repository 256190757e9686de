package io.ticketflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.ApiGatewayHttp;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.queue.adapter.DynamoDbQueueRepository;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.QueueTicket;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cold-start baseline: the same {@link EnterQueueFunction} behind the kernel's {@link ApiGatewayHttp}, the
 * way a Spring Boot team would usually ship it — {@code @SpringBootApplication} (auto-configuration and
 * component scanning on) with {@code @Bean} methods, run as {@code MAIN_CLASS} under {@code FunctionInvoker}.
 * Only the bench starts it; the services register their functions in code.
 */
@SpringBootApplication
public class BootBaseline {

    @Bean
    AwsSettings awsSettings(Environment environment) {
        return AwsSettings.from(environment::getProperty);
    }

    @Bean(destroyMethod = "close")
    AwsClients awsClients(AwsSettings settings) {
        return new AwsClients(settings);
    }

    @Bean
    JsonMapper ticketflowJsonMapper() {
        return KernelBeans.newJsonMapper();
    }

    @Bean
    QueuePolicy queuePolicy(Environment environment) {
        return QueueSettings.policy(environment::getProperty);
    }

    @Bean
    QueueRepository queueRepository(AwsClients aws, AwsSettings settings, JsonMapper json, Environment environment) {
        return new DynamoDbQueueRepository(aws.dynamoDb(), settings.physicalName(QueueResources.TOKENS_TABLE),
                new OutboxWriter(aws.dynamoDb(), settings.physicalName(QueueResources.EVENTS_TABLE), json),
                json, Clock.systemUTC(), QueueSettings.counterShards(environment::getProperty));
    }

    @Bean
    QueueTicket.Passes admissionPasses(Environment environment, AwsClients aws) {
        return new QueueTicket.Passes(AdmissionKeys.signer(environment::getProperty, aws::kms), Clock.systemUTC());
    }

    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> enterQueue(QueueRepository queues, QueuePolicy policy,
                                                                         QueueTicket.Passes passes, JsonMapper json) {
        return new ApiGatewayHttp<>(HttpEndpoint.of(EnterQueue::from, new EnterQueueFunction(queues, policy, passes))
                .status(ticket -> ticket.created() ? 201 : 200)
                .headers(ticket -> Map.of("location", "/queue-tokens/" + ticket.token())), json);
    }
}
