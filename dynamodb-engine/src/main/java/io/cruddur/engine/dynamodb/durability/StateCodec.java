package io.cruddur.engine.dynamodb.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.SequenceNumbers;
import io.cruddur.engine.dynamodb.streams.Shard;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, shards and stream records as JSON, for the snapshot and the write log. */
final class StateCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateCodec() {
    }

    /** A table's definition: everything but its items and stream records. */
    static ObjectNode table(Table table) {
        ObjectNode json = NODES.objectNode();
        json.put("name", table.name()).put("id", table.id()).put("arn", table.arn()).put("createdAt", table.createdAtMillis());
        json.set("key", key(table.key()));
        ObjectNode types = json.putObject("attributeTypes");
        table.attributeTypes().forEach(types::put);
        json.put("billing", table.billingMode()).put("read", table.readCapacity()).put("write", table.writeCapacity());
        if (table.timeToLiveAttribute() != null) {
            json.put("timeToLive", table.timeToLiveAttribute());
        }
        json.put("deletionProtection", table.deletionProtection()).put("tableClass", table.tableClass());
        ObjectNode tags = json.putObject("tags");
        table.tags().forEach(tags::put);
        ArrayNode indexes = json.putArray("indexes");
        for (Index index : table.indexes().values()) {
            ObjectNode indexJson = indexes.addObject();
            indexJson.put("name", index.name()).put("global", index.global()).put("projection", index.projectionType().name())
                    .put("read", index.readCapacity()).put("write", index.writeCapacity());
            indexJson.set("key", key(index.key()));
            ArrayNode nonKey = indexJson.putArray("nonKey");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        ArrayNode streams = json.putArray("streams");
        for (TableStream stream : table.streams()) {
            ObjectNode streamJson = streams.addObject();
            streamJson.put("arn", stream.arn()).put("label", stream.label()).put("viewType", stream.viewType())
                    .put("createdAt", stream.createdAtMillis()).put("enabled", stream.enabled());
            ArrayNode shards = streamJson.putArray("shards");
            stream.shards().forEach(shard -> shards.add(shard(shard)));
        }
        return json;
    }

    /** A table from its definition, without items; streams keep their shards but no records. */
    static Table table(JsonNode json, SequenceNumbers sequenceNumbers) {
        Map<String, String> types = new LinkedHashMap<>();
        json.get("attributeTypes").properties().forEach(entry -> types.put(entry.getKey(), entry.getValue().asText()));
        KeySchema key = key(json.get("key"));
        Table table = new Table(json.get("name").asText(), json.get("id").asText(), json.get("arn").asText(),
                json.get("createdAt").asLong(), key, types, json.get("billing").asText(), json.get("read").asLong(),
                json.get("write").asLong());
        if (json.hasNonNull("timeToLive")) {
            table.timeToLiveAttribute(json.get("timeToLive").asText());
        }
        table.deletionProtection(json.get("deletionProtection").asBoolean());
        table.tableClass(json.get("tableClass").asText());
        json.get("tags").properties().forEach(entry -> table.tags().put(entry.getKey(), entry.getValue().asText()));
        for (JsonNode indexJson : json.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            indexJson.get("nonKey").forEach(attribute -> nonKey.add(attribute.asText()));
            Index index = new Index(indexJson.get("name").asText(), indexJson.get("global").asBoolean(),
                    key(indexJson.get("key")), Index.ProjectionType.valueOf(indexJson.get("projection").asText()), nonKey,
                    indexJson.get("read").asLong(), indexJson.get("write").asLong());
            table.indexes().put(index.name(), index);
        }
        for (JsonNode streamJson : json.get("streams")) {
            TableStream stream = TableStream.restored(streamJson.get("arn").asText(), streamJson.get("label").asText(),
                    table.name(), streamJson.get("viewType").asText(), key, streamJson.get("createdAt").asLong(),
                    streamJson.get("enabled").asBoolean(), sequenceNumbers);
            for (JsonNode shardJson : streamJson.get("shards")) {
                stream.shards().add(shard(shardJson));
            }
            table.streams().add(stream);
        }
        return table;
    }

    static ObjectNode shard(Shard shard) {
        ObjectNode json = NODES.objectNode();
        json.put("id", shard.id()).put("createdAt", shard.createdAtMillis())
                .put("start", shard.startingSequenceNumber().toString());
        if (shard.parentId() != null) {
            json.put("parent", shard.parentId());
        }
        if (!shard.open()) {
            json.put("end", shard.endingSequenceNumber().toString());
        }
        return json;
    }

    static Shard shard(JsonNode json) {
        Shard shard = new Shard(json.get("id").asText(), json.hasNonNull("parent") ? json.get("parent").asText() : null,
                json.get("createdAt").asLong(), new BigInteger(json.get("start").asText()));
        if (json.hasNonNull("end")) {
            shard.close(new BigInteger(json.get("end").asText()));
        }
        return shard;
    }

    static ObjectNode record(StreamRecord record) {
        ObjectNode json = NODES.objectNode();
        json.put("shard", record.shardId()).put("id", record.eventId()).put("event", record.eventName())
                .put("seq", record.sequenceNumber().toString()).put("at", record.createdAtMillis())
                .put("visibleAt", record.visibleAtMillis()).put("size", record.sizeBytes()).put("ttl", record.byTimeToLive());
        json.set("keys", JsonValues.itemJson(record.keys()));
        if (record.oldImage() != null) {
            json.set("old", JsonValues.itemJson(record.oldImage()));
        }
        if (record.newImage() != null) {
            json.set("new", JsonValues.itemJson(record.newImage()));
        }
        return json;
    }

    static StreamRecord record(JsonNode json) {
        return new StreamRecord(json.get("shard").asText(), json.get("id").asText(), json.get("event").asText(),
                new BigInteger(json.get("seq").asText()), json.get("at").asLong(), json.get("visibleAt").asLong(),
                JsonValues.item(json.get("keys")), json.hasNonNull("old") ? JsonValues.item(json.get("old")) : null,
                json.hasNonNull("new") ? JsonValues.item(json.get("new")) : null, json.get("size").asInt(),
                json.get("ttl").asBoolean());
    }

    private static ObjectNode key(KeySchema key) {
        ObjectNode json = NODES.objectNode().put("hash", key.hashName()).put("hashType", key.hashType());
        if (key.hasRange()) {
            json.put("range", key.rangeName()).put("rangeType", key.rangeType());
        }
        return json;
    }

    private static KeySchema key(JsonNode json) {
        return new KeySchema(json.get("hash").asText(), json.get("hashType").asText(),
                json.hasNonNull("range") ? json.get("range").asText() : null,
                json.hasNonNull("rangeType") ? json.get("rangeType").asText() : null);
    }
}
