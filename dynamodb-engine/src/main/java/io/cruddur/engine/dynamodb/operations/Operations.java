package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.storage.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every operation the engine answers, by the name the protocol's target gives it. Fault switches
 * act here, at the edge, never inside storage.
 */
public final class Operations {
    /** The DynamoDB API's target prefix. */
    public static final String DYNAMODB = "DynamoDB_20120810";
    /** The DynamoDB Streams API's target prefix. */
    public static final String STREAMS = "DynamoDBStreams_20120810";
    private static final Set<String> DATA_PLANE = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan",
            "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems");

    private final Database db;
    private final Map<String, Function<JsonNode, ObjectNode>> dynamodb = new HashMap<>();
    private final Map<String, Function<JsonNode, ObjectNode>> streams = new HashMap<>();

    public Operations(Database db) {
        this.db = db;
        TableOperations tables = new TableOperations(db);
        ItemOperations items = new ItemOperations(db);
        ReadOperations reads = new ReadOperations(db);
        BatchOperations batches = new BatchOperations(db);
        TransactionOperations transactions = new TransactionOperations(db);
        StreamOperations streamOperations = new StreamOperations(db);
        dynamodb.put("CreateTable", tables::createTable);
        dynamodb.put("DescribeTable", tables::describeTable);
        dynamodb.put("DeleteTable", tables::deleteTable);
        dynamodb.put("UpdateTable", tables::updateTable);
        dynamodb.put("ListTables", tables::listTables);
        dynamodb.put("UpdateTimeToLive", tables::updateTimeToLive);
        dynamodb.put("DescribeTimeToLive", tables::describeTimeToLive);
        dynamodb.put("TagResource", tables::tagResource);
        dynamodb.put("UntagResource", tables::untagResource);
        dynamodb.put("ListTagsOfResource", tables::listTagsOfResource);
        dynamodb.put("DescribeEndpoints", tables::describeEndpoints);
        dynamodb.put("DescribeLimits", tables::describeLimits);
        dynamodb.put("DescribeContinuousBackups", tables::describeContinuousBackups);
        dynamodb.put("PutItem", items::putItem);
        dynamodb.put("GetItem", items::getItem);
        dynamodb.put("UpdateItem", items::updateItem);
        dynamodb.put("DeleteItem", items::deleteItem);
        dynamodb.put("Query", reads::query);
        dynamodb.put("Scan", reads::scan);
        dynamodb.put("BatchWriteItem", batches::batchWriteItem);
        dynamodb.put("BatchGetItem", batches::batchGetItem);
        dynamodb.put("TransactWriteItems", transactions::transactWriteItems);
        dynamodb.put("TransactGetItems", transactions::transactGetItems);
        streams.put("ListStreams", streamOperations::listStreams);
        streams.put("DescribeStream", streamOperations::describeStream);
        streams.put("GetShardIterator", streamOperations::getShardIterator);
        streams.put("GetRecords", streamOperations::getRecords);
    }

    /**
     * Runs one request.
     *
     * @param target the protocol's {@code X-Amz-Target}, e.g. {@code DynamoDB_20120810.PutItem}
     * @param request the request body
     * @return the response body, or {@code null} for an operation that answers with none
     * @throws ApiException the refusal, as DynamoDB words it
     */
    public ObjectNode execute(String target, JsonNode request) {
        int dot = target == null ? -1 : target.indexOf('.');
        String api = dot < 0 ? "" : target.substring(0, dot);
        String name = dot < 0 ? "" : target.substring(dot + 1);
        Function<JsonNode, ObjectNode> operation = switch (api) {
            case DYNAMODB -> dynamodb.get(name);
            case STREAMS -> streams.get(name);
            default -> null;
        };
        if (operation == null) {
            throw new ApiException("UnknownOperationException", "Unknown operation: " + target);
        }
        if (!request.isObject()) {
            throw new ApiException("SerializationException", "Start of structure or map found where not expected.");
        }
        if (api.equals(DYNAMODB) && DATA_PLANE.contains(name) && db.faults().throttleNow()) {
            throw throttled(request);
        }
        return operation.apply(request);
    }

    private ApiException throttled(JsonNode request) {
        JsonNode tableName = request.get("TableName");
        boolean provisioned = false;
        if (tableName != null && tableName.isTextual()) {
            db.lock().readLock().lock();
            try {
                Table table = db.tables().get(tableName.asText());
                provisioned = table != null && table.billingMode().equals("PROVISIONED");
            } finally {
                db.lock().readLock().unlock();
            }
        }
        if (provisioned) {
            return new ApiException("ProvisionedThroughputExceededException", "The level of configured provisioned "
                    + "throughput for the table was exceeded. Consider increasing your provisioning level with the "
                    + "UpdateTable API.");
        }
        return new ApiException("ThrottlingException", "Throughput exceeds the current capacity of your table or index. "
                + "DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions "
                + "persist, check if you have a hot key: "
                + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html.");
    }
}
