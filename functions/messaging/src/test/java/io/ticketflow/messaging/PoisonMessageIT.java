package io.ticketflow.messaging;

import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/** A message no consumer can apply ends in the DLQ through the queue's real redrive policy, never dropped. */
@ExtendWith(MotoExtension.class)
class PoisonMessageIT {

    private AwsClients aws;

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void poisonMessage_failedOnEveryReceive_movesToTheDlqAfterMaxReceiveCount(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        QueueSpec spec = Catalogue.queue("reservation-admission-events");
        String queueUrl = provisioning.queue(spec);
        String dlqUrl = provisioning.queueUrl(spec.deadLetterQueueName());
        EventConsumer consumer = new EventConsumer(aws.dynamoDb(), provisioning.table(Catalogue.table("reservation-inbox")),
                new AdmissionEventHandler(provisioning.table(Catalogue.table("reservation-admissions"))),
                JsonMapper.builder().build(), Clock.systemUTC());
        aws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody("{\"type\": \"QUEUE_ACTIVATED\""));

        int deliveries = 0;
        for (int receive = 0; receive < spec.maxReceiveCount() + 3; receive++) {
            deliveries += pollOnce(queueUrl, consumer);
        }

        List<Message> deadLetters = aws.sqs().receiveMessage(request -> request.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
        assertThat(deliveries).isEqualTo(spec.maxReceiveCount());
        assertThat(deadLetters).extracting(Message::body).containsExactly("{\"type\": \"QUEUE_ACTIVATED\"");
    }

    /** One event-source-mapping cycle: receive, invoke, delete what succeeded; returns how many were delivered. */
    private int pollOnce(String queueUrl, EventConsumer consumer) {
        // visibility 0: a failed message is visible again at once, so the test needs no waiting
        List<Message> messages = aws.sqs().receiveMessage(request -> request.queueUrl(queueUrl)
                .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(0)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        SQSBatchResponse response = consumer.apply(SqsBatches.received(messages));
        Set<String> failed = response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        messages.stream().filter(m -> !failed.contains(m.messageId()))
                .forEach(m -> aws.sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages.size();
    }
}
