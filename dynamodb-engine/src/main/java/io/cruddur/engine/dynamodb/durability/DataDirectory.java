package io.cruddur.engine.dynamodb.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.operations.Database;
import io.cruddur.engine.dynamodb.operations.WriteLog;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.RowKey;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.Shard;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * An engine's data on disk: a snapshot of every table, item, shard and stream record, and a log of
 * the changes made since, one JSON line each, appended before a change is acknowledged. A change
 * the engine acknowledged is in the operating system's hands before the answer leaves, so it
 * survives the process being killed; with {@code sync} it is also forced to the device, to survive
 * the machine losing power. On start the log is replayed over the snapshot and both are folded into
 * a new snapshot; a clean stop does the same.
 */
public final class DataDirectory implements WriteLog {
    private static final String SNAPSHOT = "snapshot.jsonl";
    private static final String LOG = "changes.jsonl";

    private final ObjectMapper json = JsonValues.mapper();
    private final Path directory;
    private final Database db;
    private final boolean sync;
    private FileChannel log;

    private DataDirectory(Path directory, Database db, boolean sync) {
        this.directory = directory;
        this.db = db;
        this.sync = sync;
    }

    /**
     * Loads the directory's data into {@code db} (an empty one), folds the log into a fresh snapshot,
     * and returns the log that keeps the changes from now on.
     */
    public static DataDirectory open(Path directory, Database db, boolean sync) throws IOException {
        Files.createDirectories(directory);
        DataDirectory data = new DataDirectory(directory, db, sync);
        db.lock().writeLock().lock();
        try {
            data.loadSnapshot();
            data.replayLog();
            data.writeSnapshot();
            data.log = FileChannel.open(directory.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } finally {
            db.lock().writeLock().unlock();
        }
        return data;
    }

    @Override
    public void tableDefined(Table table) {
        ObjectNode entry = json.createObjectNode().put("t", "table");
        entry.set("def", StateCodec.table(table));
        append(entry);
    }

    @Override
    public void tableDeleted(String name) {
        append(json.createObjectNode().put("t", "drop").put("name", name));
    }

    @Override
    public void itemsWritten(List<ItemWrite> writes) {
        ObjectNode entry = json.createObjectNode().put("t", "items");
        ArrayNode list = entry.putArray("w");
        for (ItemWrite write : writes) {
            ObjectNode writeJson = list.addObject().put("table", write.table());
            writeJson.set("key", JsonValues.itemJson(write.keys()));
            if (write.item() != null) {
                writeJson.set("item", JsonValues.itemJson(write.item()));
            }
            if (write.record() != null) {
                writeJson.set("rec", StateCodec.record(write.record()));
            }
        }
        append(entry);
    }

    @Override
    public void shardRolledOver(String table, Shard shard) {
        ObjectNode entry = json.createObjectNode().put("t", "roll").put("table", table);
        entry.set("shard", StateCodec.shard(shard));
        append(entry);
    }

    /** Folds the log into a fresh snapshot and closes the log. Call under the engine's write lock. */
    @Override
    public void close() {
        try {
            if (log != null) {
                log.close();
                log = null;
                writeSnapshot();
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("the engine's data could not be saved in " + directory, failed);
        }
    }

    private void append(ObjectNode entry) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                log.write(bytes);
            }
            if (sync) {
                log.force(false);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("the engine could not log a change in " + directory, failed);
        }
    }

    private void loadSnapshot() throws IOException {
        Path snapshot = directory.resolve(SNAPSHOT);
        if (!Files.exists(snapshot)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
            Table table = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode entry = json.readTree(line);
                if (entry.has("table")) {
                    table = StateCodec.table(entry.get("table"), db.sequenceNumbers());
                    addTable(table);
                } else if (entry.has("i")) {
                    Map<String, Value> item = JsonValues.item(entry.get("i"));
                    table.store(table.keyOf(item), item, Table.IndexUpdates.IMMEDIATE);
                } else if (entry.has("r")) {
                    restoreRecord(table, StateCodec.record(entry.get("r")));
                }
            }
        }
    }

    private void replayLog() throws IOException {
        Path changes = directory.resolve(LOG);
        if (!Files.exists(changes)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(changes, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode entry;
                try {
                    entry = json.readTree(line);
                } catch (IOException tornLastLine) {
                    // a change cut short by the process dying was never acknowledged
                    break;
                }
                replay(entry);
            }
        }
    }

    private void replay(JsonNode entry) {
        switch (entry.get("t").asText()) {
            case "table" -> redefine(StateCodec.table(entry.get("def"), db.sequenceNumbers()));
            case "drop" -> {
                Table dropped = db.tables().remove(entry.get("name").asText());
                if (dropped != null) {
                    db.streams().removeAll(dropped.streams());
                }
            }
            case "items" -> {
                for (JsonNode write : entry.get("w")) {
                    Table table = db.tables().get(write.get("table").asText());
                    if (table == null) {
                        continue;
                    }
                    Map<String, Value> item = write.hasNonNull("item") ? JsonValues.item(write.get("item")) : null;
                    table.store(JsonValues.item(write.get("key")), item, Table.IndexUpdates.IMMEDIATE);
                    if (write.hasNonNull("rec")) {
                        restoreRecord(table, StateCodec.record(write.get("rec")));
                    }
                }
            }
            case "roll" -> {
                Table table = db.tables().get(entry.get("table").asText());
                TableStream stream = table == null ? null : table.activeStream();
                Shard shard = StateCodec.shard(entry.get("shard"));
                if (stream != null && stream.shard(shard.id()) == null) {
                    stream.rollOver(shard.id(), shard.createdAtMillis());
                }
            }
            default -> throw new IllegalStateException("unknown change in " + LOG + ": " + entry);
        }
    }

    /** A table defined again by the log: its settings replaced, its items and stream records kept. */
    private void redefine(Table fresh) {
        Table old = db.tables().get(fresh.name());
        if (old == null || !old.id().equals(fresh.id())) {
            if (old != null) {
                db.streams().removeAll(old.streams());
            }
            addTable(fresh);
            return;
        }
        for (int i = 0; i < fresh.streams().size(); i++) {
            TableStream defined = fresh.streams().get(i);
            for (TableStream kept : old.streams()) {
                if (kept.arn().equals(defined.arn())) {
                    if (kept.enabled() && !defined.enabled()) {
                        kept.disable();
                    }
                    fresh.streams().set(i, kept);
                }
            }
        }
        for (NavigableMap<RowKey, Map<String, Value>> partition : old.rows().partitions().values()) {
            for (Map<String, Value> item : partition.values()) {
                fresh.store(fresh.keyOf(item), item, Table.IndexUpdates.IMMEDIATE);
            }
        }
        db.streams().removeAll(old.streams());
        addTable(fresh);
    }

    private void addTable(Table table) {
        db.tables().put(table.name(), table);
        for (TableStream stream : table.streams()) {
            db.streams().add(stream);
            for (Shard shard : stream.shards()) {
                db.sequenceNumbers().skipPast(shard.startingSequenceNumber());
            }
        }
    }

    private void restoreRecord(Table table, StreamRecord record) {
        for (TableStream stream : table.streams()) {
            Shard shard = stream.shard(record.shardId());
            boolean open = stream.openShard() != null && stream.enabled();
            if (shard != null || (open && stream == table.activeStream())) {
                List<StreamRecord> records = shard == null ? List.of() : shard.records();
                BigInteger last = records.isEmpty() ? null : records.get(records.size() - 1).sequenceNumber();
                if (last == null || record.sequenceNumber().compareTo(last) > 0) {
                    stream.restore(record);
                }
                db.sequenceNumbers().skipPast(record.sequenceNumber());
                return;
            }
        }
    }

    private void writeSnapshot() throws IOException {
        Path temporary = directory.resolve(SNAPSHOT + ".tmp");
        try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (Table table : db.tables().values()) {
                ObjectNode header = json.createObjectNode();
                header.set("table", StateCodec.table(table));
                writer.write(json.writeValueAsString(header));
                writer.newLine();
                for (NavigableMap<RowKey, Map<String, Value>> partition : table.rows().partitions().values()) {
                    for (Map<String, Value> item : partition.values()) {
                        ObjectNode line = json.createObjectNode();
                        line.set("i", JsonValues.itemJson(item));
                        writer.write(json.writeValueAsString(line));
                        writer.newLine();
                    }
                }
                for (TableStream stream : table.streams()) {
                    for (Shard shard : stream.shards()) {
                        for (StreamRecord record : shard.records()) {
                            ObjectNode line = json.createObjectNode();
                            line.set("r", StateCodec.record(record));
                            writer.write(json.writeValueAsString(line));
                            writer.newLine();
                        }
                    }
                }
            }
        }
        try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(temporary, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(directory.resolve(LOG));
    }
}
