package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.streams.Shard;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords. Iterators
 * expire after 15 minutes; records are kept 24 hours.
 */
final class StreamOperations {
    /** The field names of a record, encoded once: a GetRecords answer writes them up to a thousand times. */
    private static final SerializedString FIELD_EVENT_ID = new SerializedString("eventID");
    private static final SerializedString FIELD_EVENT_NAME = new SerializedString("eventName");
    private static final SerializedString FIELD_EVENT_VERSION = new SerializedString("eventVersion");
    private static final SerializedString FIELD_EVENT_SOURCE = new SerializedString("eventSource");
    private static final SerializedString FIELD_AWS_REGION = new SerializedString("awsRegion");
    private static final SerializedString FIELD_APPROXIMATE_CREATION_DATE_TIME = new SerializedString("ApproximateCreationDateTime");
    private static final SerializedString FIELD_KEYS = new SerializedString("Keys");
    private static final SerializedString FIELD_NEW_IMAGE = new SerializedString("NewImage");
    private static final SerializedString FIELD_OLD_IMAGE = new SerializedString("OldImage");
    private static final SerializedString FIELD_SEQUENCE_NUMBER = new SerializedString("SequenceNumber");
    private static final SerializedString FIELD_SIZE_BYTES = new SerializedString("SizeBytes");
    private static final SerializedString FIELD_STREAM_VIEW_TYPE = new SerializedString("StreamViewType");
    private static final SerializedString FIELD_DYNAMODB = new SerializedString("dynamodb");
    private static final SerializedString FIELD_USER_IDENTITY = new SerializedString("userIdentity");
    private static final SerializedString FIELD_PRINCIPAL_ID = new SerializedString("PrincipalId");
    private static final SerializedString FIELD_TYPE = new SerializedString("Type");
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:[^:]*:table/[^/]+/stream/[^/]+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    private static final int PAGE_BYTES = 1024 * 1024;
    private static final Set<String> ITERATOR_TYPES =
            Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

    private final Database db;

    StreamOperations(Database db) {
        this.db = db;
    }

    ObjectNode listStreams(JsonNode request) {
        String tableName = Requests.optional(request, "TableName", null);
        Integer limit = Requests.limit(request, "Limit", "limit", 1, 100);
        String start = Requests.optional(request, "ExclusiveStartStreamArn", null);
        if (start != null) {
            checkArn(start);
        }
        db.lock().readLock().lock();
        try {
            ObjectNode response = NODES.objectNode();
            ArrayNode streams = response.putArray("Streams");
            boolean started = start == null;
            int max = limit == null ? 100 : limit;
            String last = null;
            for (TableStream stream : db.streams()) {
                if (tableName != null && !stream.tableName().equals(tableName)) {
                    continue;
                }
                if (!started) {
                    started = stream.arn().equals(start);
                    continue;
                }
                if (streams.size() == max) {
                    response.put("LastEvaluatedStreamArn", last);
                    break;
                }
                streams.addObject().put("StreamArn", stream.arn()).put("TableName", stream.tableName())
                        .put("StreamLabel", stream.label());
                last = stream.arn();
            }
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode describeStream(JsonNode request) {
        String arn = Requests.required(request, "StreamArn");
        Integer limit = Requests.limit(request, "Limit", "limit", 1, 100);
        String startShard = Requests.optional(request, "ExclusiveStartShardId", null);
        JsonNode filter = request.get("ShardFilter");
        String parentFilter = filter == null || filter.isNull() ? null : Requests.optional(filter, "ShardId", null);
        db.lock().readLock().lock();
        try {
            TableStream stream = stream(arn);
            ObjectNode description = NODES.objectNode();
            description.put("StreamArn", stream.arn());
            description.put("StreamLabel", stream.label());
            description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
            description.put("StreamViewType", stream.viewType());
            description.put("CreationRequestDateTime", stream.createdAtMillis() / 1000.0);
            description.put("TableName", stream.tableName());
            description.set("KeySchema", TableOperations.keySchemaJson(stream.key()));
            ArrayNode shards = description.putArray("Shards");
            boolean started = startShard == null;
            int max = limit == null ? 100 : limit;
            String last = null;
            for (Shard shard : stream.shards()) {
                if (!started) {
                    started = shard.id().equals(startShard);
                    continue;
                }
                if (parentFilter != null && !parentFilter.equals(shard.parentId())) {
                    continue;
                }
                if (shards.size() == max) {
                    description.put("LastEvaluatedShardId", last);
                    break;
                }
                ObjectNode shardJson = shards.addObject();
                shardJson.put("ShardId", shard.id());
                if (shard.parentId() != null) {
                    shardJson.put("ParentShardId", shard.parentId());
                }
                ObjectNode range = shardJson.putObject("SequenceNumberRange");
                range.put("StartingSequenceNumber", shard.startingSequenceNumber().toString());
                if (!shard.open()) {
                    range.put("EndingSequenceNumber", shard.endingSequenceNumber().toString());
                }
                last = shard.id();
            }
            ObjectNode response = NODES.objectNode();
            response.set("StreamDescription", description);
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode getShardIterator(JsonNode request) {
        String arn = Requests.required(request, "StreamArn");
        String shardId = Requests.required(request, "ShardId");
        String type = Requests.choice(request, "ShardIteratorType", "shardIteratorType", null, ITERATOR_TYPES);
        if (type == null) {
            throw ApiException.validation("The parameter 'ShardIteratorType' is required but was not present in the request");
        }
        String sequenceText = Requests.optional(request, "SequenceNumber", null);
        boolean needsSequence = type.endsWith("SEQUENCE_NUMBER");
        if (needsSequence != (sequenceText != null)) {
            throw ApiException.validation(needsSequence
                    ? "Must specify a SequenceNumber for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER iterator types"
                    : "Sequence number should not be specified for TRIM_HORIZON or LATEST iterator types");
        }
        db.lock().readLock().lock();
        try {
            TableStream stream = stream(arn);
            Shard shard = stream.shard(shardId);
            if (shard == null) {
                throw ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
            }
            BigInteger position = switch (type) {
                case "TRIM_HORIZON" -> trimHorizon(shard);
                case "LATEST" -> shard.open() ? db.sequenceNumbers().peek()
                        : shard.endingSequenceNumber().add(BigInteger.ONE);
                default -> {
                    BigInteger sequence = sequenceNumber(sequenceText);
                    if (sequence.compareTo(shard.startingSequenceNumber()) < 0 || (!shard.open()
                            && sequence.compareTo(shard.endingSequenceNumber()) > 0)) {
                        throw ApiException.validation("Invalid SequenceNumber for the shard: " + sequenceText);
                    }
                    if (shard.trimmedThrough() != null && sequence.compareTo(shard.trimmedThrough()) <= 0) {
                        throw trimmed();
                    }
                    yield type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence.add(BigInteger.ONE);
                }
            };
            ObjectNode response = NODES.objectNode();
            response.put("ShardIterator", iterator(stream.arn(), shard.id(), position));
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode getRecords(JsonNode request) {
        String iteratorText = Requests.required(request, "ShardIterator");
        Integer limit = Requests.limit(request, "Limit", "limit", 1, 1000);
        Iterator iterator = parse(iteratorText);
        long now = db.nowMillis();
        if (now - iterator.issuedMillis() > ITERATOR_LIFETIME.toMillis()) {
            throw new ApiException("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                    + iterator.issuedMillis() + " while right now it is " + now
                    + " which is further in the future than the tolerated delay of " + ITERATOR_LIFETIME.toMillis()
                    + " milliseconds.");
        }
        db.lock().readLock().lock();
        try {
            TableStream stream = stream(iterator.arn());
            Shard shard = stream.shard(iterator.shardId());
            if (shard == null) {
                throw ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
            }
            if (shard.trimmedThrough() != null && iterator.position().compareTo(shard.trimmedThrough()) <= 0) {
                throw trimmed();
            }
            ObjectNode response = NODES.objectNode();
            ArrayNode records = response.putArray("Records");
            int max = limit == null ? 1000 : limit;
            long bytes = 0;
            BigInteger next = iterator.position();
            boolean reachedEnd = true;
            List<StreamRecord> retained = shard.records();
            for (int i = firstAtOrAfter(retained, iterator.position()); i < retained.size(); i++) {
                StreamRecord record = retained.get(i);
                if (records.size() == max || bytes >= PAGE_BYTES || record.visibleAtMillis() > now) {
                    reachedEnd = false;
                    break;
                }
                records.addPOJO(new RecordJson(record, db.region(), stream.viewType()));
                bytes += record.sizeBytes();
                next = record.sequenceNumber().add(BigInteger.ONE);
            }
            if (shard.open() || !reachedEnd) {
                response.put("NextShardIterator", iterator(stream.arn(), shard.id(), next));
            }
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    /** A record written straight to the answer, without a tree of nodes: GetRecords answers hold up to a thousand. */
    private record RecordJson(StreamRecord record, String region, String viewType) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeStartObject();
            out.writeFieldName(FIELD_EVENT_ID);
            out.writeString(record.eventId());
            out.writeFieldName(FIELD_EVENT_NAME);
            out.writeString(record.eventName());
            out.writeFieldName(FIELD_EVENT_VERSION);
            out.writeString("1.1");
            out.writeFieldName(FIELD_EVENT_SOURCE);
            out.writeString("aws:dynamodb");
            out.writeFieldName(FIELD_AWS_REGION);
            out.writeString(region);
            out.writeFieldName(FIELD_DYNAMODB);
            out.writeStartObject();
            out.writeFieldName(FIELD_APPROXIMATE_CREATION_DATE_TIME);
            out.writeNumber((double) (record.createdAtMillis() / 1000));
            out.writeFieldName(FIELD_KEYS);
            JsonValues.writeItem(out, record.keys());
            if (record.newImage() != null) {
                out.writeFieldName(FIELD_NEW_IMAGE);
                JsonValues.writeItem(out, record.newImage());
            }
            if (record.oldImage() != null) {
                out.writeFieldName(FIELD_OLD_IMAGE);
                JsonValues.writeItem(out, record.oldImage());
            }
            out.writeFieldName(FIELD_SEQUENCE_NUMBER);
            out.writeString(record.sequenceNumber().toString());
            out.writeFieldName(FIELD_SIZE_BYTES);
            out.writeNumber(Math.max(1, record.sizeBytes()));
            out.writeFieldName(FIELD_STREAM_VIEW_TYPE);
            out.writeString(viewType);
            out.writeEndObject();
            if (record.byTimeToLive()) {
                out.writeFieldName(FIELD_USER_IDENTITY);
                out.writeStartObject();
                out.writeFieldName(FIELD_PRINCIPAL_ID);
                out.writeString("dynamodb.amazonaws.com");
                out.writeFieldName(FIELD_TYPE);
                out.writeString("Service");
                out.writeEndObject();
            }
            out.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
                throws IOException {
            serialize(out, serializers);
        }
    }

    /** The oldest record still kept, or where the next one will be when none is. */
    private static BigInteger trimHorizon(Shard shard) {
        if (!shard.records().isEmpty()) {
            return shard.records().get(0).sequenceNumber();
        }
        BigInteger trimmed = shard.trimmedThrough();
        return trimmed == null ? shard.startingSequenceNumber() : trimmed.add(BigInteger.ONE);
    }

    /** The index of the first record at or after {@code position}: records are in sequence order. */
    private static int firstAtOrAfter(List<StreamRecord> records, BigInteger position) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (records.get(middle).sequenceNumber().compareTo(position) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** A stream ARN names a table's stream; anything else is refused before any stream is looked for. */
    private static void checkArn(String arn) {
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw ApiException.validation("Invalid StreamArn");
        }
    }

    private TableStream stream(String arn) {
        checkArn(arn);
        List<TableStream> streams = db.streams();
        for (TableStream stream : streams) {
            if (stream.arn().equals(arn)) {
                return stream;
            }
        }
        throw ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    private record Iterator(String arn, String shardId, BigInteger position, long issuedMillis) {
    }

    private String iterator(String arn, String shardId, BigInteger position) {
        String token = shardId + "|" + position + "|" + db.nowMillis();
        return arn + "|1|" + Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static Iterator parse(String iterator) {
        try {
            int split = iterator.lastIndexOf("|1|");
            String arn = iterator.substring(0, split);
            String[] parts = new String(Base64.getUrlDecoder().decode(iterator.substring(split + 3)), StandardCharsets.UTF_8)
                    .split("\\|");
            return new Iterator(arn, parts[0], new BigInteger(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException unreadable) {
            throw ApiException.validation("Invalid ShardIterator");
        }
    }

    private static BigInteger sequenceNumber(String text) {
        if (text.length() < 21 || text.length() > 40 || !text.chars().allMatch(Character::isDigit)) {
            throw Requests.constraint(text, "sequenceNumber", "Member must have length greater than or equal to 21");
        }
        return new BigInteger(text);
    }

    private static ApiException trimmed() {
        return new ApiException("TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
    }
}
