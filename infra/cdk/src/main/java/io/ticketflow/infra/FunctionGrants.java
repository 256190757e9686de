package io.ticketflow.infra;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Grant;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A function's catalogue grants as IAM statements on its role: for each {@link Grant.Access} the actions that do
 * it and nothing more, on the one table, index, stream, queue or state machine it names.
 */
final class FunctionGrants {

    static final List<String> READ = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
    /** A transaction needs the action of each of its items; a condition needs none of its own. */
    static final List<String> WRITE = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:ConditionCheckItem");
    static final List<String> READ_INDEX = List.of("dynamodb:Query");
    static final List<String> READ_STREAM = List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator");
    /** Has no resource-level permission: the stream event source lists the table's streams on '*'. */
    static final String LIST_STREAMS = "dynamodb:ListStreams";
    /** As CDK grants them to a stream's on-failure destination: the functions find queues by name (GetQueueUrl). */
    static final List<String> SEND = List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    /** What an SQS event source polls with, as CDK grants it for the source. */
    static final List<String> CONSUME = List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
            "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    static final List<String> START_EXECUTION = List.of("states:StartExecution");
    static final List<String> SEND_TASK_SUCCESS = List.of("states:SendTaskSuccess");
    static final List<String> DESCRIBE_EXECUTION = List.of("states:DescribeExecution");
    static final List<String> READ_EXECUTION_HISTORY = List.of("states:GetExecutionHistory");

    private final Construct scope;
    private final DeploymentSettings settings;
    private final Function<String, Table> tables;
    private final Function<String, IQueue> queues;
    private final Optional<Key> admissionPassKey;

    /**
     * @param tables the service's own tables by logical name (a function never touches another service's table)
     * @param queues any catalogue queue by logical name
     */
    FunctionGrants(Construct scope, DeploymentSettings settings, Function<String, Table> tables,
                   Function<String, IQueue> queues, Optional<Key> admissionPassKey) {
        this.scope = scope;
        this.settings = settings;
        this.tables = tables;
        this.queues = queues;
        this.admissionPassKey = admissionPassKey;
    }

    void grant(String function, Role role, Grant grant) {
        switch (grant.access()) {
            case READ -> allow(role, READ, tables.apply(grant.resource()).getTableArn());
            case WRITE -> allow(role, WRITE, tables.apply(grant.resource()).getTableArn());
            case READ_INDEX -> {
                Table table = tables.apply(grant.resource());
                if (Catalogue.table(grant.resource()).indexes().stream().noneMatch(i -> i.name().equals(grant.index()))) {
                    throw new IllegalStateException(function + " reads the index " + grant.index() + " of "
                            + grant.resource() + ", which declares no such index");
                }
                allow(role, READ_INDEX, table.getTableArn() + "/index/" + grant.index());
            }
            case READ_STREAM -> {
                Table table = tables.apply(grant.resource());
                if (table.getTableStreamArn() == null) {
                    throw new IllegalStateException(function + " reads the stream of " + grant.resource()
                            + ", which has none");
                }
                allow(role, READ_STREAM, table.getTableStreamArn());
                allow(role, List.of(LIST_STREAMS), "*");
            }
            case SEND -> allow(role, SEND, queues.apply(grant.resource()).getQueueArn());
            case CONSUME -> allow(role, CONSUME, queues.apply(grant.resource()).getQueueArn());
            case START_EXECUTION -> allow(role, START_EXECUTION, stateMachine(grant));
            case SEND_TASK_SUCCESS -> allow(role, SEND_TASK_SUCCESS, stateMachine(grant));
            case DESCRIBE_EXECUTION -> allow(role, DESCRIBE_EXECUTION, executions(grant));
            case READ_EXECUTION_HISTORY -> allow(role, READ_EXECUTION_HISTORY, executions(grant));
            case SIGN_ADMISSION_PASS -> AdmissionPassKey.grantSign(function, role, admissionPassKey);
            case VERIFY_ADMISSION_PASS -> AdmissionPassKey.grantVerify(role, settings);
            case RELAY -> throw new IllegalArgumentException(
                    "a relay grant is resolved by the catalogue (Catalogue.grants), not granted as such: " + function);
        }
    }

    private String stateMachine(Grant grant) {
        return SagaStarters.stateMachineArn(scope, settings.physicalName(grant.resource()));
    }

    private String executions(Grant grant) {
        return SagaStarters.executionsArn(scope, settings.physicalName(grant.resource()));
    }

    private static void allow(Role role, List<String> actions, String resource) {
        role.addToPolicy(PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build());
    }
}
