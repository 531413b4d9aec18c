package io.cruddur.messaging.adapters.dynamodb.stream;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Where the local stream poller has got to, per shard, kept in a small table of its own
 * ({@code {table}-checkpoints}) so that a restart resumes instead of replaying the whole stream.
 * A table apart from the message table: a checkpoint written there would itself be a stream
 * record, and the poller would chase its own writes.
 */
final class StreamCheckpoints {
    private static final String STREAM = "stream_arn";
    private static final String SHARD = "shard_id";
    private static final String SEQUENCE = "sequence_number";

    private final DynamoDbClient dynamo;
    private final String table;

    StreamCheckpoints(DynamoDbClient dynamo, String messageTable) {
        this.dynamo = dynamo;
        this.table = messageTable + "-checkpoints";
    }

    /** Creates the table if it is missing and waits until it is active. */
    void ensureTable() {
        try {
            dynamo.createTable(request -> request
                    .tableName(table)
                    .keySchema(key(STREAM, KeyType.HASH), key(SHARD, KeyType.RANGE))
                    .attributeDefinitions(string(STREAM), string(SHARD))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(request -> request.tableName(table));
    }

    /** The last handled sequence number of each shard of the stream. */
    Map<String, String> load(String streamArn) {
        Map<String, String> checkpoints = new HashMap<>();
        dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", STREAM))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamArn)))
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> checkpoints.put(item.get(SHARD).s(), item.get(SEQUENCE).s()));
        return checkpoints;
    }

    void save(String streamArn, String shardId, String sequenceNumber) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                STREAM, AttributeValue.fromS(streamArn),
                SHARD, AttributeValue.fromS(shardId),
                SEQUENCE, AttributeValue.fromS(sequenceNumber))));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
