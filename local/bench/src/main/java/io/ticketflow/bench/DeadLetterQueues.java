package io.ticketflow.bench;

import io.ticketflow.local.LocalRuntime;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Where failures land in a runtime: every dead-letter queue ({@code -dlq}) and failure queue, with its depth. */
final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    /** @return queue name without the resource prefix → approximate number of messages in it */
    static Map<String, Long> depths(LocalRuntime runtime) {
        SqsClient sqs = runtime.clients().sqs();
        String prefix = runtime.settings().resourcePrefix();
        Map<String, Long> depths = new TreeMap<>();
        for (String url : sqs.listQueues(r -> r.queueNamePrefix(prefix)).queueUrls()) {
            String queue = url.substring(url.lastIndexOf('/') + 1).substring(prefix.length());
            if (queue.endsWith("-dlq") || queue.contains("failures")) {
                depths.put(queue, Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            }
        }
        return depths;
    }
}
