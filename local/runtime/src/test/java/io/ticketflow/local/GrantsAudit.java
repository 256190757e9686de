package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Grant;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Every AWS request a function makes while the local runtime runs it, checked against the function's catalogue
 * grants: what the deployment allows a function is what its code was seen to need. Registered on every SDK client
 * of the test JVM ({@code software/amazon/awssdk/global/handlers/execution.interceptors}); requests made outside a
 * catalogue function (the pollers, the runtime's own helpers, the tests' own reads) are left out.
 */
public final class GrantsAudit implements ExecutionInterceptor {

    private static final String NOT_IN_CATALOGUE = "(not in the catalogue: ";
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> UNDECLARED = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        // the runtime's own helpers (openQueue, publishConcert, ...) are deployed nowhere, so they have no grants
        LocalLambdas.running().filter(GrantsAudit::deployed).ifPresent(function -> {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            List<Grant> needed = new ArrayList<>(needed(context.request()));
            if (needed.isEmpty()) {
                UNDECLARED.add(function + " " + operation + " (no grant allows it)");
            }
            List<Grant> declared = Catalogue.grants(function);
            // a test may point a function at a state machine of its own (configuration, not the function's code)
            needed.removeIf(grant -> grant.onStateMachine() && grant.resource().startsWith(NOT_IN_CATALOGUE));
            for (Grant grant : needed) {
                SEEN.add(function);
                boolean allowed = grant.access() == Grant.Access.SEND_TASK_SUCCESS
                        ? declared.stream().anyMatch(d -> d.access() == Grant.Access.SEND_TASK_SUCCESS)
                        : declared.contains(grant);
                if (!allowed) {
                    UNDECLARED.add(function + " " + operation + " needs " + grant);
                }
            }
        });
    }

    private static boolean deployed(String function) {
        return Catalogue.functions().stream().anyMatch(spec -> spec.name().equals(function));
    }

    /** The grants a request needs; empty for a request no grant allows. */
    private static List<Grant> needed(SdkRequest request) {
        if (request instanceof GetItemRequest get) {
            return List.of(Grant.reads(table(get.tableName())));
        }
        if (request instanceof BatchGetItemRequest batch) {
            return batch.requestItems().keySet().stream().map(name -> Grant.reads(table(name))).toList();
        }
        if (request instanceof QueryRequest query) {
            return List.of(query.indexName() == null ? Grant.reads(table(query.tableName()))
                    : Grant.readsIndex(table(query.tableName()), query.indexName()));
        }
        if (request instanceof PutItemRequest put) {
            return List.of(Grant.writes(table(put.tableName())));
        }
        if (request instanceof UpdateItemRequest update) {
            return List.of(Grant.writes(table(update.tableName())));
        }
        if (request instanceof DeleteItemRequest delete) {
            return List.of(Grant.writes(table(delete.tableName())));
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().stream().map(item -> Grant.writes(table(tableOf(item)))).toList();
        }
        if (request instanceof SendMessageRequest send) {
            return List.of(Grant.sends(queue(send.queueUrl())));
        }
        if (request instanceof SendMessageBatchRequest send) {
            return List.of(Grant.sends(queue(send.queueUrl())));
        }
        if (request instanceof GetQueueUrlRequest url) {
            return List.of(Grant.sends(queue(url.queueName())));
        }
        if (request instanceof StartExecutionRequest start) {
            return List.of(Grant.startsExecution(machine(start.stateMachineArn())));
        }
        if (request instanceof SendTaskSuccessRequest) {
            return List.of(Grant.sendsTaskSuccess("(the machine of its token)"));
        }
        if (request instanceof DescribeExecutionRequest describe) {
            return List.of(Grant.describesExecution(machine(describe.executionArn())));
        }
        if (request instanceof GetExecutionHistoryRequest history) {
            return List.of(Grant.readsExecutionHistory(machine(history.executionArn())));
        }
        return List.of();
    }

    private static String tableOf(TransactWriteItem item) {
        return Stream.of(item.put() == null ? null : item.put().tableName(),
                        item.update() == null ? null : item.update().tableName(),
                        item.delete() == null ? null : item.delete().tableName(),
                        item.conditionCheck() == null ? null : item.conditionCheck().tableName())
                .filter(name -> name != null).findFirst().orElseThrow();
    }

    /** The catalogue name a physical name ends with (the longest, so {@code reservation-events} is no queue's). */
    private static String logical(String physical, Stream<String> names) {
        return names.filter(physical::endsWith).max(Comparator.comparingInt(String::length))
                .orElse(NOT_IN_CATALOGUE + physical + ")");
    }

    private static String table(String physical) {
        return logical(physical, Catalogue.tables().stream().map(TableSpec::name));
    }

    private static String queue(String urlOrName) {
        return logical(urlOrName, Catalogue.queues().stream().map(QueueSpec::name));
    }

    /** A state machine or execution ARN: {@code ...:stateMachine:<name>} or {@code ...:execution:<name>:<id>}. */
    private static String machine(String arn) {
        String[] parts = arn.split(":");
        String name = arn.contains(":execution:") ? parts[parts.length - 2] : parts[parts.length - 1];
        return logical(name, Stream.of(Catalogue.BOOKING_SAGA, Catalogue.BOOKING_CANCELLATION));
    }

    /**
     * Audits one test class: forgets what earlier classes saw, then fails the class when one of its functions made a
     * request its grants do not allow, or when a function it must exercise was not seen calling AWS at all.
     */
    public static final class Check implements BeforeAllCallback, AfterAllCallback {

        private final List<String> mustBeSeen;

        public Check(String... mustBeSeen) {
            this.mustBeSeen = List.of(mustBeSeen);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            SEEN.clear();
            UNDECLARED.clear();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            assertThat(new TreeSet<>(SEEN)).as("functions seen calling AWS").containsAll(mustBeSeen);
            assertThat(new ArrayList<>(new TreeSet<>(UNDECLARED))).as("requests beyond the catalogue's grants").isEmpty();
        }
    }
}
