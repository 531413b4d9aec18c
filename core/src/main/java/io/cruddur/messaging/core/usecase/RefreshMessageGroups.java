package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.cache.RowPositions;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.BatchOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.SliceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every member's group row showing the group's newest message, and counting what its owner
 * has not read, for batches of newly stored messages from a
 * {@link io.cruddur.messaging.core.port.NewMessageFeed}.
 *
 * <p>Each group's rows move once per batch, straight to its newest message in the batch (where
 * moving them message by message would leave them), in one atomic write of all its rows. Rows
 * only move forward: a message no newer than a row leaves it alone, so repeated and late
 * deliveries are harmless. The write that moves a row also counts the messages from others it
 * moves past, read from storage (so messages of earlier batches that never came, or came late,
 * are counted all the same), and moves its owner's read position to their own newest message among
 * them ({@link io.cruddur.messaging.core.domain.ReadState#movedOn}). Where the rows stand is remembered ({@link RowPositions}), so the
 * write needs no read first; when a condition fails because another writer moved a row, the rows
 * are read again and compared anew. Different groups of a batch are handled concurrently; one
 * group's messages reach the {@link RefreshListener} in their order in the batch, after its rows
 * have moved. An edited or deleted message comes through the feed as well: when it is still its
 * group's latest, the rows that show it are rewritten in place to its new text.
 */
public final class RefreshMessageGroups implements NewMessageHandler {
    /** Groups of one batch handled at once. */
    public static final int DEFAULT_CONCURRENCY = 8;
    static final int MAX_ATTEMPTS = 16;
    /**
     * A stored message whose group shows none or only some of its rows yet: the group index is
     * eventually consistent, and a writer without transactions may store rows after the message.
     * Look a few times.
     */
    private static final int ROW_LOOKUPS_WHEN_INCOMPLETE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(RefreshMessageGroups.class);

    private final MessagingPort messages;
    private final RefreshListener listener;
    private final RowPositions positions;
    private final ExecutorService workers;

    /**
     * With nobody told afterwards, default caching and {@value #DEFAULT_CONCURRENCY} groups at once.
     *
     * @param messages where the messages' groups and their rows are stored
     */
    public RefreshMessageGroups(MessagingPort messages) {
        this(messages, (message, result) -> { }, CacheSettings.DEFAULT, DEFAULT_CONCURRENCY);
    }

    /**
     * With a listener, cache bounds and concurrency of the caller's choosing.
     *
     * @param messages    where the messages' groups and their rows are stored
     * @param listener    told of each message once its group's rows have moved; called from
     *                    several threads at once, so it must be thread-safe and quick
     * @param cache       the bounds of the memory of where each group's rows stand
     * @param concurrency how many groups of one batch are handled at once
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    public RefreshMessageGroups(MessagingPort messages, RefreshListener listener, CacheSettings cache, int concurrency) {
        this(messages, listener, new RowPositions(cache), concurrency);
    }

    /** With a memory of positions shared with the facade's other writers of rows, which keep it current. */
    RefreshMessageGroups(MessagingPort messages, RefreshListener listener, RowPositions positions, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, was " + concurrency);
        }
        this.messages = messages;
        this.listener = listener;
        this.positions = positions;
        this.workers = workers(concurrency);
    }

    /**
     * Brings the rows of every group in the batch to its newest message there. A group that fails
     * for a passing reason (storage unavailable, throttled, contended) does not stop the others;
     * the outcome names the earliest position to deliver again.
     */
    @Override
    public BatchOutcome handle(List<Message> batch) {
        Map<MessageGroupId, GroupInBatch> groups = new LinkedHashMap<>();
        for (int position = 0; position < batch.size(); position++) {
            Message message = batch.get(position);
            groups.computeIfAbsent(message.groupId(), GroupInBatch::new).add(position, message);
        }
        if (groups.size() == 1) {
            GroupInBatch only = groups.values().iterator().next();
            only.run();
            return outcome(List.of(only));
        }
        CompletableFuture.allOf(groups.values().stream()
                .map(group -> CompletableFuture.runAsync(group::run, workers))
                .toArray(CompletableFuture[]::new)).join();
        return outcome(groups.values());
    }

    /** Brings one group's rows to {@code newest}, unless they are there or further already. */
    RefreshResult refresh(Message newest) {
        MessageGroupId group = newest.groupId();
        List<MessageGroupRow> rows = positions.of(group).orElseGet(() -> lookUpRows(group));
        int advanced = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<MessageGroupRow> behind = rows.stream()
                    .filter(row -> row.lastMessageAt().isBefore(newest.createdAt()))
                    .limit(MessagingPort.MAX_ROWS_PER_ADVANCE)
                    .toList();
            if (behind.isEmpty()) {
                if (MessageGroupRow.wholeGroup(rows)) {
                    positions.remember(group, rows);
                }
                return new RefreshResult(advanced, owners(rows));
            }
            Instant from = behind.stream().map(MessageGroupRow::lastMessageAt).min(Instant::compareTo).orElseThrow();
            List<Message> between = MessagesBetween.read(messages, group, from, newest.createdAt());
            List<RowChange> moves = behind.stream()
                    .map(row -> new RowChange(row, row.advancedTo(newest.text(), newest.createdAt())
                            .withRead(row.read().movedOn(row.owner(), row.lastMessageAt(), newest.createdAt(), between))))
                    .toList();
            RowsAdvance outcome = messages.replaceGroupRows(moves);
            if (outcome instanceof RowsAdvance.Advanced moved) {
                advanced += moved.rows().size();
                rows = replaced(rows, moved.rows());
            } else {
                LOG.debug("a row of group {} moved or was read concurrently; reading the rows again", group);
                rows = readAgain(group, behind);
            }
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "the rows of group " + group + " kept moving");
    }

    /**
     * Brings the rows that show {@code revised} to its text as stored now (edited, or the tombstone's),
     * if it is still its group's latest message; rows showing a newer one are left alone. The text
     * is read again from storage, so late and repeated records of an edit or a delete are harmless.
     */
    RefreshResult follow(Message revised) {
        MessageGroupId group = revised.groupId();
        List<MessageGroupRow> rows = positions.of(group).orElseGet(() -> lookUpRows(group));
        int restated = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // asked after the rows were read: a row read showing a newer message means it is found here
            Optional<Message> latest = messages.messages(group, SliceQuery.newest(1)).items().stream().findFirst()
                    .filter(message -> message.id().equals(revised.id())
                            && message.createdAt().equals(revised.createdAt()));
            if (latest.isEmpty()) {
                return new RefreshResult(restated, owners(rows));
            }
            MessageText shown = latest.get().text();
            List<MessageGroupRow> showing = rows.stream()
                    .filter(row -> !row.lastMessageAt().isBefore(revised.createdAt()))
                    .filter(row -> !row.lastMessage().equals(shown))
                    .limit(MessagingPort.MAX_ROWS_PER_ADVANCE)
                    .toList();
            if (showing.isEmpty()) {
                if (MessageGroupRow.wholeGroup(rows)) {
                    positions.remember(group, rows);
                }
                return new RefreshResult(restated, owners(rows));
            }
            RowsAdvance outcome = messages.replaceGroupRows(showing.stream()
                    .map(row -> new RowChange(row, row.advancedTo(shown, row.lastMessageAt())))
                    .toList());
            if (outcome instanceof RowsAdvance.Advanced rewritten) {
                restated += rewritten.rows().size();
                rows = replaced(rows, rewritten.rows());
            } else {
                LOG.debug("a row of group {} changed concurrently; reading the rows again", group);
                rows = readAgain(group, showing);
            }
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "the rows of group " + group + " kept changing");
    }

    private List<MessageGroupRow> lookUpRows(MessageGroupId group) {
        for (int lookup = 1; ; lookup++) {
            List<MessageGroupRow> rows = messages.rowsOfGroup(group);
            if (MessageGroupRow.wholeGroup(rows) || lookup == ROW_LOOKUPS_WHEN_INCOMPLETE) {
                if (rows.isEmpty()) {
                    LOG.warn("group {} has a new message but no rows; nothing to move", group);
                } else if (!MessageGroupRow.wholeGroup(rows)) {
                    LOG.warn("group {} shows {} of its rows; moving those, the next message brings the others",
                            group, rows.size());
                }
                return rows;
            }
            Pause.forIndex("the rows of group " + group);
        }
    }

    /**
     * The group's rows read again after a write found one changed; when the index still shows every
     * row as it was (it may lag behind the write that changed one), once more after a pause.
     */
    private List<MessageGroupRow> readAgain(MessageGroupId group, List<MessageGroupRow> outdated) {
        List<MessageGroupRow> rows = messages.rowsOfGroup(group);
        if (rows.containsAll(outdated)) {
            Pause.forIndex("the rows of group " + group);
            rows = messages.rowsOfGroup(group);
        }
        return rows;
    }

    private static List<MessageGroupRow> replaced(List<MessageGroupRow> rows, List<MessageGroupRow> moved) {
        Map<UserId, MessageGroupRow> byOwner = new LinkedHashMap<>();
        rows.forEach(row -> byOwner.put(row.owner(), row));
        moved.forEach(row -> byOwner.put(row.owner(), row));
        return List.copyOf(byOwner.values());
    }

    private static Set<UserId> owners(List<MessageGroupRow> rows) {
        return rows.stream().map(MessageGroupRow::owner).collect(Collectors.toUnmodifiableSet());
    }

    private static BatchOutcome outcome(Iterable<GroupInBatch> groups) {
        int advanced = 0;
        OptionalInt redeliverFrom = OptionalInt.empty();
        for (GroupInBatch group : groups) {
            if (group.failed) {
                if (redeliverFrom.isEmpty() || group.firstPosition < redeliverFrom.getAsInt()) {
                    redeliverFrom = OptionalInt.of(group.firstPosition);
                }
            } else {
                advanced += group.advanced;
            }
        }
        return new BatchOutcome(advanced, redeliverFrom);
    }

    private static ExecutorService workers(int concurrency) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "group-rows-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle threads end by themselves, so nobody has to shut this pool down.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One group's messages in a batch, where the group first appears, and how handling it went. */
    private final class GroupInBatch {
        private final MessageGroupId group;
        private final List<Message> messages = new ArrayList<>();
        private int firstPosition = -1;
        private int advanced;
        private boolean failed;

        GroupInBatch(MessageGroupId group) {
            this.group = group;
        }

        void add(int position, Message message) {
            if (firstPosition < 0) {
                firstPosition = position;
            }
            messages.add(message);
        }

        void run() {
            Message newest = messages.stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
            RefreshResult result;
            try {
                result = refresh(newest);
                for (Message revised : messages.stream().filter(Message::revised).toList()) {
                    RefreshResult followed = follow(revised);
                    result = new RefreshResult(result.advancedRows() + followed.advancedRows(), result.members());
                }
            } catch (MessagingException passing) {
                LOG.warn("the rows of group {} could not move ({}); its messages will come again",
                        group, passing.code().code());
                failed = true;
                return;
            } catch (RuntimeException defect) {
                LOG.error("moving the rows of group {} failed; its messages will come again", group, defect);
                failed = true;
                return;
            }
            advanced = result.advancedRows();
            for (Message message : messages) {
                try {
                    listener.refreshed(message, result);
                } catch (RuntimeException listenerFailed) {
                    LOG.warn("the refresh listener failed on message {}", message.id(), listenerFailed);
                }
            }
        }
    }
}
