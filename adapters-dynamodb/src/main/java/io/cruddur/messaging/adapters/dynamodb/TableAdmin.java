package io.cruddur.messaging.adapters.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The schema tools of the reference's scripts ({@code schema-load}, {@code list-tables},
 * {@code drop}, {@code scan}) for the message table: the key schema, the sparse GSI
 * {@value MessageTable#GROUP_INDEX} and a {@code NEW_IMAGE} stream.
 */
public final class TableAdmin {
    private static final long PROVISIONED_UNITS = 5;

    /** How the table is billed: on demand, or 5 read and 5 write units as the reference provisions. */
    public enum Billing {
        /** Pay per request, with no capacity to plan. */
        ON_DEMAND,
        /** 5 read and 5 write capacity units, for the table and for its index alike. */
        PROVISIONED_5
    }

    /** What {@link #createTable} did. */
    public enum CreateOutcome {
        /** The table was created and is active. */
        CREATED,
        /** A table of that name already existed and was left alone, whatever its schema. */
        ALREADY_EXISTS
    }

    /** What {@link #dropTable} did. */
    public enum DropOutcome {
        /** The table was deleted and is gone. */
        DROPPED,
        /** No table has that name. */
        NOT_FOUND,
        /** The table has deletion protection on, and was left alone. */
        DELETION_PROTECTED
    }

    /**
     * One page of a scan, each item with its attributes rendered as text.
     *
     * @param items the page's items, each a map from attribute name to value, names in order:
     *              strings and numbers as they are, other types as the SDK renders them
     */
    public record ScanPage(List<Map<String, String>> items) {
        /**
         * Copies {@code items}.
         *
         * @param items the page's items, rendered as text
         */
        public ScanPage {
            items = List.copyOf(items);
        }
    }

    private final DynamoDbClient dynamo;

    /**
     * Tools that work through {@code dynamo}, which stays the caller's to close.
     *
     * @param dynamo the client every request goes through
     */
    public TableAdmin(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * Creates the table and waits until it is active; an existing table is reported and left alone.
     * One {@code CreateTable} request (keys {@code pk} and {@code sk}, the GSI, the stream), then
     * {@code DescribeTable} until the table is active.
     *
     * @param table              the table's name
     * @param billing            how the table and its index are billed
     * @param deletionProtection whether DynamoDB refuses to delete the table until the protection
     *                           is turned off
     * @return {@link CreateOutcome#CREATED}, or {@link CreateOutcome#ALREADY_EXISTS} when the name
     *         is taken
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB refuses or does not answer
     */
    public CreateOutcome createTable(String table, Billing billing, boolean deletionProtection) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .keySchema(key(MessageTable.PK, KeyType.HASH), key(MessageTable.SK, KeyType.RANGE))
                .attributeDefinitions(
                        string(MessageTable.PK), string(MessageTable.SK), string(MessageTable.GROUP_UUID))
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                .deletionProtectionEnabled(deletionProtection);
        GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                .indexName(MessageTable.GROUP_INDEX)
                .keySchema(key(MessageTable.GROUP_UUID, KeyType.HASH), key(MessageTable.SK, KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL));
        if (billing == Billing.PROVISIONED_5) {
            ProvisionedThroughput five = ProvisionedThroughput.builder()
                    .readCapacityUnits(PROVISIONED_UNITS).writeCapacityUnits(PROVISIONED_UNITS).build();
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(five);
            index.provisionedThroughput(five);
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        try {
            dynamo.createTable(request.globalSecondaryIndexes(index.build()).build());
        } catch (ResourceInUseException exists) {
            return CreateOutcome.ALREADY_EXISTS;
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
        waitUntilActive(table);
        return CreateOutcome.CREATED;
    }

    /**
     * {@return the name of every table in the client's account and region, all pages read}
     *
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB refuses or does not answer
     */
    public List<String> listTables() {
        try {
            return dynamo.listTablesPaginator().tableNames().stream().toList();
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    /**
     * Drops a table unless deletion protection is on: {@code DescribeTable}, then
     * {@code DeleteTable}, then {@code DescribeTable} until the table is gone.
     *
     * @param table the table's name
     * @return whether the table was dropped, missing, or protected
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB refuses or does not answer
     */
    public DropOutcome dropTable(String table) {
        try {
            TableDescription description = dynamo.describeTable(request -> request.tableName(table)).table();
            if (Boolean.TRUE.equals(description.deletionProtectionEnabled())) {
                return DropOutcome.DELETION_PROTECTED;
            }
            dynamo.deleteTable(request -> request.tableName(table));
            dynamo.waiter().waitUntilTableNotExists(request -> request.tableName(table));
            return DropOutcome.DROPPED;
        } catch (ResourceNotFoundException missing) {
            return DropOutcome.NOT_FOUND;
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    /**
     * Hands the table's items to {@code pages} one page at a time, one {@code Scan} request each.
     *
     * @param table    the table's name
     * @param pageSize at most this many items per page
     * @param pages    receives each page, in the order they are read
     * @return how many items there were
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB refuses or does not answer
     */
    public long scan(String table, int pageSize, Consumer<ScanPage> pages) {
        long items = 0;
        try {
            for (var page : dynamo.scanPaginator(request -> request.tableName(table).limit(pageSize))) {
                items += page.count();
                pages.accept(new ScanPage(page.items().stream().map(TableAdmin::render).toList()));
            }
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
        return items;
    }

    private void waitUntilActive(String table) {
        try {
            dynamo.waiter().waitUntilTableExists(request -> request.tableName(table));
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    private static Map<String, String> render(Map<String, AttributeValue> item) {
        Map<String, String> rendered = new LinkedHashMap<>();
        item.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> rendered.put(entry.getKey(), text(entry.getValue())));
        return rendered;
    }

    private static String text(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return value.toString();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }
}
