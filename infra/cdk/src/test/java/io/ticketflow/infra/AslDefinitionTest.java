package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AslDefinitionTest {

    private final AslDefinition fixture = AslDefinition.read(SynthesizedApp.FIXTURE_ASL);

    @Test
    void placeholders_areEveryDollarBraceNameOfTheFile() {
        assertThat(fixture.placeholders()).containsExactly("ActivateQueueFunctionArn", "EnterQueueFunctionArn",
                "QueueRelayFailuresDlqQueueUrl", "QueueStatusFunctionArn");
    }

    @Test
    void tasks_includeCallbackShortFormParallelBranchAndServiceIntegrationTasks() {
        assertThat(fixture.tasks()).containsExactlyInAnyOrder(
                new AslDefinition.Task("AwaitPayment", "arn:aws:states:::lambda:invoke.waitForTaskToken",
                        Optional.of("EnterQueueFunctionArn")),
                new AslDefinition.Task("ProcessPayment", "${QueueStatusFunctionArn}", Optional.of("QueueStatusFunctionArn")),
                new AslDefinition.Task("ReleaseSeats", "arn:aws:states:::lambda:invoke", Optional.of("ActivateQueueFunctionArn")),
                new AslDefinition.Task("ReportStuckBooking", "arn:aws:states:::sqs:sendMessage", Optional.empty()));
    }

    @Test
    void lambdaTaskWithAHardCodedArn_isRejectedNamingTheState() {
        AslDefinition hardCoded = AslDefinition.read(Path.of("src/test/resources/hardcoded-task.asl.json"));

        assertThatThrownBy(hardCoded::tasks)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'HoldSeats'")
                .hasMessageContaining("FunctionArn");
    }

    @Test
    void placeholderNames_mapToFunctionBeansAndKebabCaseQueues() {
        assertThat(AslDefinition.functionName("HoldSeatsFunctionArn")).contains("holdSeats");
        assertThat(AslDefinition.functionName("BookingSagaDlqQueueUrl")).isEmpty();
        assertThat(AslDefinition.queueName("BookingSagaDlqQueueUrl")).contains("booking-saga-dlq");
        assertThat(AslDefinition.queueName("HoldSeatsFunctionArn")).isEmpty();
    }
}
