package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.expressions.KeyCondition;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.PartitionKey;
import io.cruddur.engine.dynamodb.storage.RowKey;
import io.cruddur.engine.dynamodb.storage.Rows;
import io.cruddur.engine.dynamodb.storage.Table;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Query and Scan: pages of at most {@code Limit} items evaluated and at most 1 MB read, a
 * LastEvaluatedKey whenever a page stopped early, filters applied after the read, and capacity for
 * what was read.
 */
final class ReadOperations {
    /** A page stops once this much has been read. */
    static final int PAGE_BYTES = 1024 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SELECTS =
            Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Database db;

    ReadOperations(Database db) {
        this.db = db;
    }

    ObjectNode query(JsonNode request) {
        String tableName = Requests.tableName(request);
        Read read = new Read(request, "QueryFilter");
        String keyExpression = Requests.optional(request, "KeyConditionExpression", null);
        JsonNode keyConditions = request.get("KeyConditions");
        boolean hasLegacyKeys = keyConditions != null && !keyConditions.isNull();
        if (keyExpression == null && !hasLegacyKeys) {
            throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeyCondition keyCondition = keyExpression == null ? null
                : KeyCondition.parse(keyExpression, read.expressions.context());
        read.expressions.checkPlaceholders("KeyConditionExpression", "FilterExpression", "ProjectionExpression");
        boolean forward = !request.has("ScanIndexForward") || request.get("ScanIndexForward").asBoolean(true);
        return read.run(tableName, (table, index, schema) -> {
            read.expressions.refuseKeysInFilter(schema);
            SortRange range = keyCondition != null ? SortRange.of(keyCondition, schema)
                    : SortRange.ofLegacy(keyConditions, schema);
            Rows rows = index == null ? table.rows() : index.rows();
            NavigableMap<RowKey, Map<String, Value>> partition = range.slice(rows.partition(PartitionKey.of(range.partition())));
            NavigableMap<RowKey, Map<String, Value>> ordered = forward ? partition : partition.descendingMap();
            RowKey start = read.startRow(table, index, schema);
            if (start != null) {
                ordered = ordered.tailMap(start, false);
            }
            return List.of(ordered).iterator();
        });
    }

    ObjectNode scan(JsonNode request) {
        String tableName = Requests.tableName(request);
        Read read = new Read(request, "ScanFilter");
        read.expressions.checkPlaceholders("FilterExpression", "ProjectionExpression");
        Integer totalSegments = Requests.limit(request, "TotalSegments", "totalSegments", 1, 1_000_000);
        Integer segment = Requests.limit(request, "Segment", "segment", 0, 999_999);
        if ((totalSegments == null) != (segment == null)) {
            throw ApiException.validation(totalSegments == null
                    ? "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"
                    : "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                    + "Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        return read.run(tableName, (table, index, schema) -> {
            Rows rows = index == null ? table.rows() : index.rows();
            NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, Value>>> partitions = rows.partitions();
            if (segment != null) {
                long lower = segmentStart(segment, totalSegments);
                long upper = segmentStart(segment + 1, totalSegments);
                PartitionKey from = new PartitionKey((int) lower, null);
                partitions = upper > Integer.MAX_VALUE ? partitions.tailMap(from, true)
                        : partitions.subMap(from, true, new PartitionKey((int) upper, null), false);
            }
            RowKey startRow = read.startRow(table, index, schema);
            Value startPartition = read.startPartition(schema);
            if (startPartition != null) {
                PartitionKey from = PartitionKey.of(startPartition);
                if (segment != null && segmentOf(from.hash(), totalSegments) != segment) {
                    throw ApiException.validation("The provided Exclusive start key does not map to the provided segment");
                }
                NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, Value>>> rest = partitions.tailMap(from, false);
                NavigableMap<RowKey, Map<String, Value>> current = partitions.get(from);
                Iterator<NavigableMap<RowKey, Map<String, Value>>> later = rest.values().iterator();
                if (current == null) {
                    return later;
                }
                return prepend(current.tailMap(startRow, false), later);
            }
            return partitions.values().iterator();
        });
    }

    private static long segmentStart(int segment, int totalSegments) {
        return Integer.MIN_VALUE + (long) Math.ceil((double) segment * (1L << 32) / totalSegments);
    }

    private static int segmentOf(int hash, int totalSegments) {
        return (int) (((long) hash - Integer.MIN_VALUE) * totalSegments >>> 32);
    }

    private static Iterator<NavigableMap<RowKey, Map<String, Value>>> prepend(NavigableMap<RowKey, Map<String, Value>> first,
            Iterator<NavigableMap<RowKey, Map<String, Value>>> rest) {
        return new Iterator<>() {
            private boolean firstTaken;

            @Override
            public boolean hasNext() {
                return !firstTaken || rest.hasNext();
            }

            @Override
            public NavigableMap<RowKey, Map<String, Value>> next() {
                if (!firstTaken) {
                    firstTaken = true;
                    return first;
                }
                return rest.next();
            }
        };
    }

    /** The parts of a request Query and Scan share, and the page loop. */
    private final class Read {
        private final JsonNode request;
        private final Expressions expressions;
        private final String indexName;
        private final Integer limit;
        private final boolean consistent;
        private final String select;
        private final Capacity.Mode mode;
        private final Predicate<Map<String, Value>> filter;
        private final UnaryOperator<Map<String, Value>> projection;
        private final Map<String, Value> exclusiveStartKey;

        Read(JsonNode request, String legacyFilter) {
            this.request = request;
            this.expressions = new Expressions(request);
            this.indexName = Requests.optional(request, "IndexName", null);
            if (indexName != null) {
                Requests.name(indexName, "indexName");
            }
            this.limit = Requests.limit(request, "Limit", "limit", 1, Integer.MAX_VALUE);
            this.consistent = Requests.flag(request, "ConsistentRead");
            this.select = Requests.choice(request, "Select", "select", null, SELECTS);
            this.mode = Capacity.mode(request);
            this.filter = expressions.filter(legacyFilter);
            this.projection = expressions.projection();
            JsonNode start = request.get("ExclusiveStartKey");
            this.exclusiveStartKey = start == null || start.isNull() ? null : JsonValues.item(start);
            boolean projects = projection != null;
            if (select != null) {
                if (select.equals("SPECIFIC_ATTRIBUTES") && !projects) {
                    throw ApiException.validation("One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES "
                            + "requires AttributesToGet or ProjectionExpression");
                }
                if (!select.equals("SPECIFIC_ATTRIBUTES") && projects) {
                    String member = request.has("ProjectionExpression") ? "ProjectionExpression" : "AttributesToGet";
                    throw ApiException.validation("One or more parameter values were invalid: Cannot specify the " + member
                            + " when choosing to get " + select);
                }
                if (select.equals("ALL_PROJECTED_ATTRIBUTES") && indexName == null) {
                    throw ApiException.validation("One or more parameter values were invalid: Select type "
                            + "ALL_PROJECTED_ATTRIBUTES is only supported for index queries");
                }
            }
        }

        ObjectNode run(String tableName, PageSource source) {
            if (indexName != null && db.indexesLag()) {
                db.lock().writeLock().lock();
                try {
                    db.catchUpIndexes(false);
                } finally {
                    db.lock().writeLock().unlock();
                }
            }
            db.lock().readLock().lock();
            try {
                Table table = db.table(tableName);
                Index index = null;
                KeySchema schema = table.key();
                if (indexName != null) {
                    index = table.indexes().get(indexName);
                    if (index == null) {
                        throw ApiException.validation("The table does not have the specified index: " + indexName);
                    }
                    if (index.global() && consistent) {
                        throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
                    }
                    if ("ALL_ATTRIBUTES".equals(select) && index.global()
                            && index.projectionType() != Index.ProjectionType.ALL) {
                        throw ApiException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
                                + "is not supported for global secondary index " + indexName
                                + " because its projection type is not ALL");
                    }
                    schema = index.key();
                }
                if (exclusiveStartKey != null) {
                    checkStartKey(table, index);
                }
                return page(table, index, source.rows(table, index, schema));
            } finally {
                db.lock().readLock().unlock();
            }
        }

        private ObjectNode page(Table table, Index index, Iterator<NavigableMap<RowKey, Map<String, Value>>> partitions) {
            ObjectNode response = NODES.objectNode();
            ArrayNode items = NODES.arrayNode();
            int count = 0;
            int scanned = 0;
            long bytes = 0;
            Map<String, Value> last = null;
            boolean stoppedEarly = false;
            // A local index answers for attributes it does not hold by reading them from the table.
            boolean fetchFromTable = index != null && !index.global() && index.projectionType() != Index.ProjectionType.ALL
                    && ("ALL_ATTRIBUTES".equals(select) || projection != null);
            outer:
            while (partitions.hasNext()) {
                for (Map<String, Value> stored : partitions.next().values()) {
                    if (limit != null && scanned == limit || bytes >= PAGE_BYTES) {
                        stoppedEarly = true;
                        break outer;
                    }
                    Map<String, Value> item = fetchFromTable ? table.get(table.keyOf(stored)) : stored;
                    scanned++;
                    bytes += Items.size(item);
                    last = stored;
                    if (filter == null || filter.test(item)) {
                        count++;
                        if (!"COUNT".equals(select)) {
                            items.add(JsonValues.itemJson(projection == null ? item : projection.apply(item)));
                        }
                    }
                }
            }
            if (!stoppedEarly && limit != null && scanned == limit && last != null) {
                stoppedEarly = true;
            }
            if (!"COUNT".equals(select)) {
                response.set("Items", items);
            }
            response.put("Count", count);
            response.put("ScannedCount", scanned);
            if (stoppedEarly && last != null) {
                response.set("LastEvaluatedKey", JsonValues.itemJson(lastKey(table, index, last)));
            }
            Capacity capacity = new Capacity(table.name(), false);
            double units = scanned == 0 ? (consistent ? 1 : 0.5) : Capacity.readUnits(bytes, consistent, false);
            if (index == null) {
                capacity.addTable(units);
            } else {
                capacity.addTable(0).addIndex(index, units);
            }
            ItemOperations.putCapacity(response, capacity, mode);
            return response;
        }

        private Map<String, Value> lastKey(Table table, Index index, Map<String, Value> item) {
            Map<String, Value> key = new LinkedHashMap<>(table.keyOf(item));
            if (index != null) {
                key.put(index.key().hashName(), item.get(index.key().hashName()));
                if (index.key().hasRange()) {
                    key.put(index.key().rangeName(), item.get(index.key().rangeName()));
                }
            }
            return key;
        }

        private void checkStartKey(Table table, Index index) {
            KeySchema tableKey = table.key();
            int expected = tableKey.hasRange() ? 2 : 1;
            boolean valid = tableKey.partitionOf(exclusiveStartKey) != null
                    && (!tableKey.hasRange() || tableKey.sortOf(exclusiveStartKey) != null);
            if (index != null) {
                valid &= index.key().partitionOf(exclusiveStartKey) != null
                        && (!index.key().hasRange() || index.key().sortOf(exclusiveStartKey) != null);
                expected = lastKey(table, index, exclusiveStartKey).size();
            }
            if (!valid || exclusiveStartKey.size() != expected) {
                throw ApiException.validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }

        RowKey startRow(Table table, Index index, KeySchema schema) {
            if (exclusiveStartKey == null) {
                return null;
            }
            if (index == null) {
                return RowKey.of(schema.sortOf(exclusiveStartKey));
            }
            return index.rowKey(exclusiveStartKey, table.key());
        }

        Value startPartition(KeySchema schema) {
            return exclusiveStartKey == null ? null : schema.partitionOf(exclusiveStartKey);
        }
    }

    /** Where a read's rows come from: partitions in order, each in row order. */
    @FunctionalInterface
    private interface PageSource {
        Iterator<NavigableMap<RowKey, Map<String, Value>>> rows(Table table, Index index, KeySchema schema);
    }
}
