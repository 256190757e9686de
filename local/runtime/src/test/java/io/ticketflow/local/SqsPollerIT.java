package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(MotoExtension.class)
class SqsPollerIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalRuntime runtime;
    private static SqsClient sqs;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = TestTopology.start(endpoint, TestTopology.sqs());
        sqs = runtime.clients().sqs();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    @Test
    void partialBatchFailure_deletesSuccesses_redeliversTheFailure_andMovesThePoisonToTheDlq() {
        String queueUrl = url(TestTopology.EVENTS_QUEUE);
        sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(
                e -> e.id("1").messageBody("fine"),
                e -> e.id("2").messageBody(TestFunctions.FAIL_ONCE),
                e -> e.id("3").messageBody(TestFunctions.POISON)));

        Eventually.within(WAIT, () -> assertThat(dlqMessages()).extracting(Message::body).containsExactly(TestFunctions.POISON));
        assertThat(Recorded.SQS_DELIVERIES).containsExactlyInAnyOrder(
                "fine receive=1 source=aws:sqs",
                TestFunctions.FAIL_ONCE + " receive=2 source=aws:sqs");
        assertThat(Recorded.count(Recorded.SQS_ATTEMPTS, "fine")).isEqualTo(1);
        assertThat(Recorded.count(Recorded.SQS_ATTEMPTS, TestFunctions.POISON)).isEqualTo(TestTopology.EVENTS_MAX_RECEIVES);
        Map<QueueAttributeName, String> left = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertThat(left).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
    }

    @Test
    void schedule_invokesItsFunctionAtItsRate() {
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(Recorded.TICKS.get()).isGreaterThanOrEqualTo(2));
    }

    private List<Message> dlqMessages() {
        String dlq = url(TestTopology.EVENTS_QUEUE + "-dlq");
        return sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private String url(String queue) {
        return sqs.getQueueUrl(r -> r.queueName(runtime.settings().physicalName(queue))).queueUrl();
    }
}
