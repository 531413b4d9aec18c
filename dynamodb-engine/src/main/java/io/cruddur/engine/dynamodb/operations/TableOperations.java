package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The control plane: tables, their indexes, streams, time to live and tags. Changes take effect at
 * once (a new table answers ACTIVE to the first DescribeTable), though answers name the transient
 * states DynamoDB reports, so clients that wait for them keep working.
 */
final class TableOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The letters, spaces, digits and signs a tag's key and value may hold. */
    private static final Pattern TAG_TEXT = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private final Database db;

    TableOperations(Database db) {
        this.db = db;
    }

    ObjectNode createTable(JsonNode request) {
        String name = Requests.tableName(request);
        Map<String, String> types = attributeDefinitions(request);
        KeySchema key = keySchema(request.get("KeySchema"), types, "keySchema");
        String billing = Requests.choice(request, "BillingMode", "billingMode", "PROVISIONED",
                Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        long[] throughput = throughput(request.get("ProvisionedThroughput"), billing, null);
        Set<String> used = new LinkedHashSet<>();
        used.add(key.hashName());
        if (key.hasRange()) {
            used.add(key.rangeName());
        }
        List<Index> indexes = new ArrayList<>();
        Set<String> indexNames = new TreeSet<>();
        JsonNode locals = request.get("LocalSecondaryIndexes");
        if (locals != null && !locals.isNull()) {
            if (locals.isEmpty()) {
                throw invalid("List of LocalSecondaryIndexes is empty");
            }
            if (!key.hasRange()) {
                throw invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode local : locals) {
                Index index = index(local, false, types, billing, key);
                if (!index.key().hashName().equals(key.hashName())) {
                    throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                            + index.name() + ". index hash key: " + index.key().hashName() + ", table hash key: "
                            + key.hashName());
                }
                addIndex(indexes, indexNames, index, used);
            }
        }
        JsonNode globals = request.get("GlobalSecondaryIndexes");
        if (globals != null && !globals.isNull()) {
            if (globals.isEmpty()) {
                throw invalid("List of GlobalSecondaryIndexes is empty");
            }
            for (JsonNode global : globals) {
                addIndex(indexes, indexNames, index(global, true, types, billing, key), used);
            }
        }
        if (!used.containsAll(types.keySet()) || used.size() != types.size()) {
            if (indexes.isEmpty()) {
                throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
            }
            throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " + new TreeSet<>(types.keySet())
                    + ", keys used: " + new TreeSet<>(used));
        }
        JsonNode streamSpec = request.get("StreamSpecification");
        String viewType = streamViewType(streamSpec);
        db.lock().writeLock().lock();
        try {
            if (db.tables().containsKey(name)) {
                throw ApiException.resourceInUse("Table already exists: " + name);
            }
            long now = db.nowMillis();
            Table table = new Table(name, UUID.randomUUID().toString(), db.tableArn(name), now, key, types, billing,
                    throughput[0], throughput[1]);
            indexes.forEach(index -> table.indexes().put(index.name(), index));
            table.deletionProtection(Requests.flag(request, "DeletionProtectionEnabled"));
            table.tableClass(Requests.choice(request, "TableClass", "tableClass", "STANDARD",
                    Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS")));
            putTags(table, request.get("Tags"));
            if (viewType != null) {
                enableStream(table, viewType, now);
            }
            db.tables().put(name, table);
            db.log().tableDefined(table);
            ObjectNode description = describe(table);
            description.put("TableStatus", "CREATING");
            return response("TableDescription", description);
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode describeTable(JsonNode request) {
        String name = Requests.tableName(request);
        db.lock().readLock().lock();
        try {
            Table table = db.tables().get(name);
            if (table == null) {
                throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            }
            return response("Table", describe(table));
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode deleteTable(JsonNode request) {
        String name = Requests.tableName(request);
        db.lock().writeLock().lock();
        try {
            Table table = db.tables().get(name);
            if (table == null) {
                throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            }
            if (table.deletionProtection()) {
                throw ApiException.validation("Resource cannot be deleted as it is currently protected against deletion. "
                        + "Disable deletion protection first.");
            }
            ObjectNode description = describe(table);
            description.put("TableStatus", "DELETING");
            db.tables().remove(name);
            TableStream stream = table.activeStream();
            if (stream != null) {
                stream.disable();
            }
            db.log().tableDeleted(name);
            return response("TableDescription", description);
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode listTables(JsonNode request) {
        Integer limit = Requests.limit(request, "Limit", "limit", 1, 100);
        String start = Requests.optional(request, "ExclusiveStartTableName", null);
        db.lock().readLock().lock();
        try {
            ObjectNode response = NODES.objectNode();
            ArrayNode names = response.putArray("TableNames");
            int max = limit == null ? 100 : limit;
            String last = null;
            for (String name : db.tables().keySet()) {
                if (start != null && name.compareTo(start) <= 0) {
                    continue;
                }
                if (names.size() == max) {
                    response.put("LastEvaluatedTableName", last);
                    break;
                }
                names.add(name);
                last = name;
            }
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode updateTable(JsonNode request) {
        String name = Requests.tableName(request);
        db.lock().writeLock().lock();
        try {
            Table table = db.table(name);
            // Every part of the request is checked before any is applied: a refused update changes nothing.
            List<Runnable> changes = new ArrayList<>();
            Map<String, String> types = new LinkedHashMap<>(table.attributeTypes());
            JsonNode definitions = request.get("AttributeDefinitions");
            if (definitions != null && !definitions.isNull()) {
                types.putAll(attributeDefinitions(request));
            }
            String billing = Requests.choice(request, "BillingMode", "billingMode", null,
                    Set.of("PROVISIONED", "PAY_PER_REQUEST"));
            JsonNode throughputNode = request.get("ProvisionedThroughput");
            if (billing != null || (throughputNode != null && !throughputNode.isNull())) {
                String mode = billing == null ? table.billingMode() : billing;
                long[] throughput = throughput(throughputNode, mode, null);
                changes.add(() -> table.billing(mode, throughput[0], throughput[1]));
            }
            JsonNode streamSpec = request.get("StreamSpecification");
            if (streamSpec != null && !streamSpec.isNull()) {
                changes.add(changeStream(table, streamSpec));
            }
            JsonNode indexUpdates = request.get("GlobalSecondaryIndexUpdates");
            if (indexUpdates != null && !indexUpdates.isNull() && !indexUpdates.isEmpty()) {
                checkIndexUpdates(indexUpdates);
                for (JsonNode update : indexUpdates) {
                    changes.add(changeIndex(table, update, types));
                }
            }
            if (request.has("DeletionProtectionEnabled")) {
                boolean protect = Requests.flag(request, "DeletionProtectionEnabled");
                changes.add(() -> table.deletionProtection(protect));
            }
            if (request.has("TableClass")) {
                String tableClass = Requests.choice(request, "TableClass", "tableClass", "STANDARD",
                        Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS"));
                changes.add(() -> table.tableClass(tableClass));
            }
            if (changes.isEmpty()) {
                throw ApiException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                        + "GlobalSecondaryIndexUpdates, SSESpecification, DeletionProtectionEnabled or TableClass is required");
            }
            changes.forEach(Runnable::run);
            db.log().tableDefined(table);
            ObjectNode description = describe(table);
            description.put("TableStatus", "UPDATING");
            return response("TableDescription", description);
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode updateTimeToLive(JsonNode request) {
        String name = Requests.tableName(request);
        JsonNode spec = request.get("TimeToLiveSpecification");
        if (spec == null || spec.isNull()) {
            throw ApiException.validation("The parameter 'TimeToLiveSpecification' is required but was not present in the request");
        }
        String attribute = Requests.required(spec, "AttributeName");
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw Requests.constraint(attribute, "timeToLiveSpecification.attributeName", attribute.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 255");
        }
        JsonNode enabled = spec.get("Enabled");
        if (enabled == null || enabled.isNull()) {
            throw Requests.constraint("null", "timeToLiveSpecification.enabled", "Member must not be null");
        }
        boolean enable = Requests.flag(spec, "Enabled");
        db.lock().writeLock().lock();
        try {
            Table table = db.table(name);
            String current = table.timeToLiveAttribute();
            if (enable && current != null) {
                throw ApiException.validation(current.equals(attribute) ? "TimeToLive is already enabled"
                        : "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
            }
            if (!enable && current == null) {
                throw ApiException.validation("TimeToLive is already disabled");
            }
            if (!enable && !current.equals(attribute)) {
                throw ApiException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                        + current);
            }
            table.timeToLiveAttribute(enable ? attribute : null);
            db.log().tableDefined(table);
            ObjectNode response = NODES.objectNode();
            ObjectNode echoed = response.putObject("TimeToLiveSpecification");
            echoed.put("AttributeName", attribute);
            echoed.put("Enabled", enable);
            return response;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode describeTimeToLive(JsonNode request) {
        String name = Requests.tableName(request);
        db.lock().readLock().lock();
        try {
            Table table = db.table(name);
            ObjectNode description = NODES.objectNode();
            if (table.timeToLiveAttribute() == null) {
                description.put("TimeToLiveStatus", "DISABLED");
            } else {
                description.put("TimeToLiveStatus", "ENABLED");
                description.put("AttributeName", table.timeToLiveAttribute());
            }
            return response("TimeToLiveDescription", description);
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode tagResource(JsonNode request) {
        String arn = Requests.required(request, "ResourceArn");
        db.lock().writeLock().lock();
        try {
            Table table = byArn(arn);
            JsonNode tags = request.get("Tags");
            if (tags == null || tags.isNull()) {
                throw ApiException.validation("The parameter 'Tags' is required but was not present in the request");
            }
            if (tags.isEmpty()) {
                throw Requests.constraint("[]", "tags", "Member must have length greater than or equal to 1");
            }
            putTags(table, tags);
            db.log().tableDefined(table);
            return null;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode untagResource(JsonNode request) {
        String arn = Requests.required(request, "ResourceArn");
        db.lock().writeLock().lock();
        try {
            Table table = byArn(arn);
            JsonNode keys = request.get("TagKeys");
            if (keys == null || keys.isNull()) {
                throw ApiException.validation("The parameter 'TagKeys' is required but was not present in the request");
            }
            keys.forEach(key -> table.tags().remove(key.asText()));
            db.log().tableDefined(table);
            return null;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode listTagsOfResource(JsonNode request) {
        String arn = Requests.required(request, "ResourceArn");
        db.lock().readLock().lock();
        try {
            Table table = byArn(arn);
            ObjectNode response = NODES.objectNode();
            ArrayNode tags = response.putArray("Tags");
            table.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode describeEndpoints(JsonNode request) {
        ObjectNode response = NODES.objectNode();
        response.putArray("Endpoints").addObject()
                .put("Address", "dynamodb." + db.region() + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return response;
    }

    ObjectNode describeLimits(JsonNode request) {
        return NODES.objectNode()
                .put("AccountMaxReadCapacityUnits", 80000)
                .put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000)
                .put("TableMaxWriteCapacityUnits", 40000);
    }

    ObjectNode describeContinuousBackups(JsonNode request) {
        String name = Requests.tableName(request);
        db.lock().readLock().lock();
        try {
            db.table(name);
            ObjectNode response = NODES.objectNode();
            ObjectNode description = response.putObject("ContinuousBackupsDescription");
            description.put("ContinuousBackupsStatus", "ENABLED");
            description.putObject("PointInTimeRecoveryDescription").put("PointInTimeRecoveryStatus", "DISABLED");
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    /** The TableDescription of a table as DescribeTable answers it. */
    ObjectNode describe(Table table) {
        ObjectNode json = NODES.objectNode();
        ArrayNode definitions = json.putArray("AttributeDefinitions");
        table.attributeTypes().forEach((attribute, type) ->
                definitions.addObject().put("AttributeName", attribute).put("AttributeType", type));
        json.put("TableName", table.name());
        json.set("KeySchema", keySchemaJson(table.key()));
        json.put("TableStatus", table.status());
        json.put("CreationDateTime", table.createdAtMillis() / 1000.0);
        json.set("ProvisionedThroughput", throughputJson(table.readCapacity(), table.writeCapacity()));
        json.put("TableSizeBytes", table.rows().sizeBytes());
        json.put("ItemCount", table.rows().count());
        json.put("TableArn", table.arn());
        json.put("TableId", table.id());
        if (table.billingMode().equals("PAY_PER_REQUEST")) {
            json.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", table.createdAtMillis() / 1000.0);
        } else {
            json.putObject("BillingModeSummary").put("BillingMode", "PROVISIONED");
        }
        ArrayNode locals = NODES.arrayNode();
        ArrayNode globals = NODES.arrayNode();
        for (Index index : table.indexes().values()) {
            ObjectNode indexJson = (index.global() ? globals : locals).addObject();
            indexJson.put("IndexName", index.name());
            indexJson.set("KeySchema", keySchemaJson(index.key()));
            ObjectNode projection = indexJson.putObject("Projection");
            projection.put("ProjectionType", index.projectionType().name());
            if (index.projectionType() == Index.ProjectionType.INCLUDE) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            if (index.global()) {
                indexJson.put("IndexStatus", index.status());
                indexJson.set("ProvisionedThroughput", throughputJson(index.readCapacity(), index.writeCapacity()));
            }
            indexJson.put("IndexSizeBytes", index.rows().sizeBytes());
            indexJson.put("ItemCount", index.rows().count());
            indexJson.put("IndexArn", table.arn() + "/index/" + index.name());
        }
        if (!locals.isEmpty()) {
            json.set("LocalSecondaryIndexes", locals);
        }
        if (!globals.isEmpty()) {
            json.set("GlobalSecondaryIndexes", globals);
        }
        TableStream active = table.activeStream();
        if (active != null) {
            json.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", active.viewType());
        }
        if (!table.streams().isEmpty()) {
            TableStream latest = table.streams().get(table.streams().size() - 1);
            json.put("LatestStreamLabel", latest.label());
            json.put("LatestStreamArn", latest.arn());
        }
        json.put("DeletionProtectionEnabled", table.deletionProtection());
        if (!table.tableClass().equals("STANDARD")) {
            json.putObject("TableClassSummary").put("TableClass", table.tableClass());
        }
        return json;
    }

    static ArrayNode keySchemaJson(KeySchema key) {
        ArrayNode json = NODES.arrayNode();
        json.addObject().put("AttributeName", key.hashName()).put("KeyType", "HASH");
        if (key.hasRange()) {
            json.addObject().put("AttributeName", key.rangeName()).put("KeyType", "RANGE");
        }
        return json;
    }

    private static ObjectNode throughputJson(long read, long write) {
        return NODES.objectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }

    /** Checks a stream change and returns it, to be applied with the rest of the update. */
    private Runnable changeStream(Table table, JsonNode spec) {
        boolean enable = Requests.flag(spec, "StreamEnabled");
        TableStream active = table.activeStream();
        if (enable) {
            if (active != null) {
                throw ApiException.validation("Table already has an enabled stream: TableName: " + table.name());
            }
            String viewType = streamViewType(spec);
            return () -> enableStream(table, viewType, db.nowMillis());
        }
        if (active == null) {
            throw ApiException.validation("Table has no stream to disable: TableName: " + table.name());
        }
        return active::disable;
    }

    private void enableStream(Table table, String viewType, long nowMillis) {
        long labelMillis = nowMillis;
        for (TableStream earlier : table.streams()) {
            labelMillis = Math.max(labelMillis, earlier.createdAtMillis() + 1);
        }
        String label = STREAM_LABEL.format(Instant.ofEpochMilli(labelMillis));
        TableStream stream = new TableStream(table.arn() + "/stream/" + label, label, table.name(), viewType,
                table.key(), labelMillis, db.sequenceNumbers());
        table.streams().add(stream);
        db.streams().add(stream);
    }

    private static String streamViewType(JsonNode spec) {
        if (spec == null || spec.isNull()) {
            return null;
        }
        boolean enabled = Requests.flag(spec, "StreamEnabled");
        String viewType = Requests.optional(spec, "StreamViewType", null);
        if (enabled && viewType == null) {
            throw invalid("Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (!enabled && viewType != null) {
            throw invalid("Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
        if (viewType != null && !VIEW_TYPES.contains(viewType)) {
            throw Requests.constraint(viewType, "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        return enabled ? viewType : null;
    }

    /** Each update does one thing, and one UpdateTable creates or deletes at most one index. */
    private static void checkIndexUpdates(JsonNode updates) {
        int createsAndDeletes = 0;
        for (JsonNode update : updates) {
            int actions = 0;
            for (String action : List.of("Create", "Update", "Delete")) {
                JsonNode body = update.get(action);
                if (body != null && !body.isNull()) {
                    actions++;
                    createsAndDeletes += action.equals("Update") ? 0 : 1;
                }
            }
            if (actions != 1) {
                throw ApiException.validation("One or more parameter values were invalid: one and only one of Create, "
                        + "Update or Delete must be given in each GlobalSecondaryIndexUpdate");
            }
        }
        if (createsAndDeletes > 1) {
            throw new ApiException("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be "
                    + "created or deleted simultaneously per table", 400, Map.of());
        }
    }

    /** Checks one index update and returns it, to be applied with the rest of the update. */
    private Runnable changeIndex(Table table, JsonNode update, Map<String, String> types) {
        JsonNode create = update.get("Create");
        JsonNode delete = update.get("Delete");
        JsonNode change = update.get("Update");
        if (create != null && !create.isNull()) {
            Index index = index(create, true, types, table.billingMode(), table.key());
            if (table.indexes().containsKey(index.name())) {
                throw ApiException.validation("One or more parameter values were invalid: Index already exists: "
                        + index.name());
            }
            List<String> keyAttributes = index.key().hasRange() ? List.of(index.key().hashName(), index.key().rangeName())
                    : List.of(index.key().hashName());
            for (String attribute : keyAttributes) {
                String defined = table.attributeTypes().get(attribute);
                if (defined != null && !defined.equals(types.get(attribute))) {
                    throw ApiException.validation("One or more parameter values were invalid: Attributes cannot be redefined. "
                            + "Please check that your attribute has the same type as previously defined. Attribute: "
                            + attribute + ", defined: " + defined + ", now: " + types.get(attribute));
                }
            }
            return () -> {
                keyAttributes.forEach(attribute -> table.attributeTypes().put(attribute, types.get(attribute)));
                table.rows().partitions().values().forEach(partition -> partition.values().stream()
                        .filter(item -> Keys.fitsIndex(index, item)).forEach(item -> index.add(item, table.key())));
                table.indexes().put(index.name(), index);
            };
        }
        if (delete != null && !delete.isNull()) {
            String indexName = Requests.required(delete, "IndexName");
            globalIndex(table, indexName);
            return () -> table.indexes().remove(indexName);
        }
        String indexName = Requests.required(change, "IndexName");
        Index index = globalIndex(table, indexName);
        long[] throughput = throughput(change.get("ProvisionedThroughput"), table.billingMode(), indexName);
        return () -> index.throughput(throughput[0], throughput[1]);
    }

    private static Index globalIndex(Table table, String indexName) {
        Index index = table.indexes().get(indexName);
        if (index == null || !index.global()) {
            throw ApiException.resourceNotFound("Requested resource not found: Index: " + indexName
                    + " not found for table " + table.name());
        }
        return index;
    }

    private Table byArn(String arn) {
        for (Table table : db.tables().values()) {
            if (table.arn().equals(arn)) {
                return table;
            }
        }
        if (!arn.startsWith("arn:aws:dynamodb:")) {
            throw invalid("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + arn);
        }
        throw ApiException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }

    private static void putTags(Table table, JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return;
        }
        for (JsonNode tag : tags) {
            String key = Requests.required(tag, "Key");
            String value = Requests.required(tag, "Value");
            if (key.isEmpty() || key.length() > 128) {
                throw Requests.constraint(key, "tags.member.key", "Member must have length less than or equal to 128");
            }
            if (!TAG_TEXT.matcher(key).matches()) {
                throw Requests.constraint(key, "tags.member.key", "Member must satisfy regular expression pattern: "
                        + TAG_TEXT.pattern());
            }
            if (value.length() > 256) {
                throw Requests.constraint(value, "tags.member.value", "Member must have length less than or equal to 256");
            }
            if (!TAG_TEXT.matcher(value).matches()) {
                throw Requests.constraint(value, "tags.member.value", "Member must satisfy regular expression pattern: "
                        + TAG_TEXT.pattern());
            }
            table.tags().put(key, value);
        }
        if (table.tags().size() > 50) {
            throw ApiException.validation("One or more parameter values were invalid: Too many tags: at most 50 per resource");
        }
    }

    private static Map<String, String> attributeDefinitions(JsonNode request) {
        JsonNode definitions = request.get("AttributeDefinitions");
        if (definitions == null || definitions.isNull()) {
            throw Requests.constraint("null", "attributeDefinitions", "Member must not be null");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode definition : definitions) {
            String attribute = Requests.required(definition, "AttributeName");
            String type = Requests.required(definition, "AttributeType");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw Requests.constraint(type, "attributeDefinitions.member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            if (types.put(attribute, type) != null) {
                throw ApiException.validation("Cannot have two attributes with the same name");
            }
        }
        return types;
    }

    private static KeySchema keySchema(JsonNode schema, Map<String, String> types, String memberPath) {
        if (schema == null || schema.isNull()) {
            throw Requests.constraint("null", memberPath, "Member must not be null");
        }
        if (schema.isEmpty() || schema.size() > 2) {
            throw Requests.constraint(schema.toString(), memberPath, schema.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 2");
        }
        String hash = Requests.required(schema.get(0), "AttributeName");
        if (!"HASH".equals(Requests.optional(schema.get(0), "KeyType", null))) {
            throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        String range = null;
        if (schema.size() == 2) {
            range = Requests.required(schema.get(1), "AttributeName");
            if (!"RANGE".equals(Requests.optional(schema.get(1), "KeyType", null))) {
                throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (range.equals(hash)) {
                throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String attribute : range == null ? List.of(hash) : List.of(hash, range)) {
            if (!types.containsKey(attribute)) {
                missing.add(attribute);
            }
        }
        if (!missing.isEmpty()) {
            throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: " + missing
                    + ", AttributeDefinitions: " + types.keySet());
        }
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    private static Index index(JsonNode definition, boolean global, Map<String, String> types, String billing,
            KeySchema tableKey) {
        String name = Requests.name(Requests.required(definition, "IndexName"), "indexName");
        KeySchema key = keySchema(definition.get("KeySchema"), types, "keySchema");
        JsonNode projection = definition.get("Projection");
        String projectionType = projection == null ? "ALL" : Requests.optional(projection, "ProjectionType", "ALL");
        List<String> nonKey = new ArrayList<>();
        JsonNode nonKeyNode = projection == null ? null : projection.get("NonKeyAttributes");
        if (nonKeyNode != null && !nonKeyNode.isNull()) {
            nonKeyNode.forEach(attribute -> nonKey.add(attribute.asText()));
        }
        Index.ProjectionType type;
        try {
            type = Index.ProjectionType.valueOf(projectionType);
        } catch (IllegalArgumentException unknown) {
            throw Requests.constraint(projectionType, "projection.projectionType",
                    "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        if (type == Index.ProjectionType.INCLUDE && nonKey.isEmpty()) {
            throw invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (type != Index.ProjectionType.INCLUDE && !nonKey.isEmpty()) {
            throw invalid("ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        long[] throughput = global ? throughput(definition.get("ProvisionedThroughput"), billing, name) : new long[] {0, 0};
        if (!global && tableKey.hasRange() && key.rangeName() == null) {
            throw invalid("Index KeySchema does not have a range key for index: " + name);
        }
        return new Index(name, global, key, type, nonKey, throughput[0], throughput[1]);
    }

    private static void addIndex(List<Index> indexes, Set<String> names, Index index, Set<String> used) {
        if (!names.add(index.name())) {
            throw invalid("Duplicate index name: " + index.name());
        }
        used.add(index.key().hashName());
        if (index.key().hasRange()) {
            used.add(index.key().rangeName());
        }
        indexes.add(index);
    }

    private static long[] throughput(JsonNode node, String billing, String indexName) {
        boolean given = node != null && !node.isNull();
        if (billing.equals("PAY_PER_REQUEST")) {
            if (given) {
                throw invalid(indexName == null
                        ? "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
                        : "ProvisionedThroughput should not be specified for index: " + indexName
                                + " when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!given) {
            throw invalid(indexName == null
                    ? "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                    : "ProvisionedThroughput is not specified for index: " + indexName);
        }
        long read = node.path("ReadCapacityUnits").asLong(0);
        long write = node.path("WriteCapacityUnits").asLong(0);
        if (read < 1 || write < 1) {
            String member = read < 1 ? "readCapacityUnits" : "writeCapacityUnits";
            throw Requests.constraint(Long.toString(Math.min(read, write)), "provisionedThroughput." + member,
                    "Member must have value greater than or equal to 1");
        }
        return new long[] {read, write};
    }

    private static ApiException invalid(String detail) {
        return ApiException.validation("One or more parameter values were invalid: " + detail);
    }

    private static ObjectNode response(String field, ObjectNode value) {
        ObjectNode response = NODES.objectNode();
        response.set(field, value);
        return response;
    }
}
