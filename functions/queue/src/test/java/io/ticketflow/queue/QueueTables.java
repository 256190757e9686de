package io.ticketflow.queue;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.aws.AwsSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;

/** Creates the Queue service's tables in the emulator exactly as the catalogue declares them. */
public final class QueueTables {

    private QueueTables() {
    }

    public static void create(DynamoDbClient dynamoDb, AwsSettings settings) {
        CatalogueProvisioner provisioner = new CatalogueProvisioner(dynamoDb, null, settings, KernelBeans.newJsonMapper());
        provisioner.table(Catalogue.table(QueueResources.TOKENS_TABLE));
        provisioner.table(Catalogue.table(QueueResources.EVENTS_TABLE));
    }

    /** Items in a table, counted by a consistent scan. */
    public static int count(DynamoDbClient dynamoDb, String physicalTable) {
        return dynamoDb.scanPaginator(r -> r.tableName(physicalTable).select(Select.COUNT).consistentRead(true))
                .stream().mapToInt(page -> page.count()).sum();
    }
}
