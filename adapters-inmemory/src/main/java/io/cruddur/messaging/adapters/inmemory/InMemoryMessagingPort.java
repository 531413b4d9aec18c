package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.MembershipChange;
import io.cruddur.messaging.core.port.MembershipOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.port.RevisionOutcome;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.port.StartOutcome;
import io.cruddur.messaging.core.port.UserPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessagingPort} in memory. Messages and group rows sit in sorted maps keyed by time, as
 * DynamoDB keeps them under their sort key, so a page costs O(log n + page size). One lock makes
 * every multi-item write atomic, and readers never see half of one.
 *
 * <p>Like a DynamoDB stream, it is a {@link NewMessageFeed} of every newly stored message (never
 * of a duplicate), and of every edited or deleted one. It hands each one over synchronously on the writer's thread, after the write
 * is complete and the lock released, so a send returns only once its group's rows have moved.
 */
public final class InMemoryMessagingPort implements MessagingPort {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryMessagingPort.class);

    private static final NavigableMap<Instant, Message> EMPTY = new TreeMap<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<MessageGroupId, NavigableMap<Instant, Message>> messagesByGroup = new HashMap<>();
    private final Map<SentId, Message> messagesBySentId = new HashMap<>();
    private final Map<UserId, NavigableMap<Instant, MessageGroupRow>> rowsByOwner = new HashMap<>();
    private final Map<MessageGroupId, Map<UserId, MessageGroupRow>> rowsByGroup = new HashMap<>();
    private final Map<UserPair, MessageGroupId> groupsByPair = new HashMap<>();
    private final Map<MessageGroupId, GroupMembers> membersByGroup = new HashMap<>();
    private final List<NewMessageHandler> handlers = new CopyOnWriteArrayList<>();

    /**
     * {@return a feed of the messages stored from its start on, one message per batch, on the
     * writer's thread} A batch that fails is logged, not delivered again: nothing else would
     * deliver it. Each call returns a feed of its own; closing it stops only its handler.
     */
    public NewMessageFeed feed() {
        return new NewMessageFeed() {
            private NewMessageHandler started;

            @Override
            public synchronized void start(NewMessageHandler handler) {
                if (started == null) {
                    started = handler;
                    handlers.add(handler);
                }
            }

            @Override
            public synchronized void close() {
                handlers.remove(started);
                started = null;
            }
        };
    }

    @Override
    public AppendOutcome appendMessage(Message message) {
        AppendOutcome outcome = write(() -> {
            Message existing = messagesBySentId.get(SentId.of(message));
            if (existing != null) {
                return new AppendOutcome.AlreadyStored(existing);
            }
            return new AppendOutcome.Appended(putMessage(message));
        });
        if (outcome instanceof AppendOutcome.Appended appended) {
            publish(appended.stored());
        }
        return outcome;
    }

    @Override
    public Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id) {
        return read(() -> Optional.ofNullable(messagesByGroup.getOrDefault(group, EMPTY).get(createdAt))
                .filter(message -> message.id().equals(id)));
    }

    @Override
    public Optional<Message> sentMessage(UserId sender, MessageId id) {
        return read(() -> Optional.ofNullable(messagesBySentId.get(new SentId(sender, id))));
    }

    @Override
    public Set<UserId> sendersOf(MessageGroupId group, MessageId id, Set<UserId> candidates) {
        if (candidates.size() > MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("at most " + MAX_ROWS_PER_ADVANCE + " senders are looked at once");
        }
        return read(() -> candidates.stream()
                .filter(sender -> {
                    Message sent = messagesBySentId.get(new SentId(sender, id));
                    return sent != null && sent.groupId().equals(group);
                })
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public RevisionOutcome reviseMessage(Message current, Message revised) {
        if (!revised.isRevisionOf(current)) {
            throw new IllegalArgumentException("a revision edits or deletes the same message in place");
        }
        RevisionOutcome outcome = write(() -> {
            if (!current.equals(messagesBySentId.get(SentId.of(current)))) {
                return new RevisionOutcome.Outdated();
            }
            messagesByGroup.get(current.groupId()).put(current.createdAt(), revised);
            messagesBySentId.put(SentId.of(revised), revised);
            return new RevisionOutcome.Revised(revised);
        });
        if (outcome instanceof RevisionOutcome.Revised stored) {
            publish(stored.message());
        }
        return outcome;
    }

    @Override
    public Slice<Message> messages(MessageGroupId group, SliceQuery query) {
        return read(() -> slice(messagesByGroup.get(group), query));
    }

    @Override
    public Slice<MessageGroupRow> groupRows(UserId owner, SliceQuery query) {
        return read(() -> slice(rowsByOwner.get(owner), query));
    }

    @Override
    public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
        return read(() -> List.copyOf(rowsByGroup.getOrDefault(group, Map.of()).values()));
    }

    @Override
    public StartOutcome startConversation(NewConversation conversation) {
        StartOutcome outcome = write(() -> {
            Optional<MessageGroupId> existingGroup = conversation.pair().map(groupsByPair::get);
            if (existingGroup.isPresent()) {
                return new StartOutcome.PairExists(existingGroup.get());
            }
            Message taken = messagesBySentId.get(SentId.of(conversation.first()));
            if (taken != null) {
                return new StartOutcome.MessageIdTaken(taken);
            }
            Message first = putMessage(conversation.first());
            conversation.rows().forEach(this::putRow);
            conversation.pair().ifPresent(pair -> groupsByPair.put(pair, first.groupId()));
            conversation.groupMembers().ifPresent(members -> membersByGroup.put(first.groupId(), members));
            return new StartOutcome.Started(first);
        });
        if (outcome instanceof StartOutcome.Started started) {
            publish(started.first());
        }
        return outcome;
    }

    @Override
    public Optional<GroupMembers> groupMembers(MessageGroupId group) {
        return read(() -> Optional.ofNullable(membersByGroup.get(group)));
    }

    @Override
    public MembershipOutcome changeMembers(MembershipChange change) {
        MessageGroupId group = change.before().group();
        return write(() -> {
            Map<UserId, MessageGroupRow> stored = rowsByGroup.getOrDefault(group, Map.of());
            boolean rowsAsRead = stored.size() == change.rowsBefore().size()
                    && change.rowsBefore().stream().allMatch(row -> row.equals(stored.get(row.owner())));
            if (!change.before().equals(membersByGroup.get(group)) || !rowsAsRead) {
                return new MembershipOutcome.Outdated();
            }
            List<MessageGroupRow> rows = new ArrayList<>();
            for (MessageGroupRow row : change.leaving()) {
                removeRow(row);
            }
            for (MessageGroupRow row : change.staying()) {
                removeRow(row);
                rows.add(putRow(change.restated(row)));
            }
            change.joining().forEach(row -> rows.add(putRow(row)));
            membersByGroup.put(group, change.after());
            return new MembershipOutcome.Changed(change.after(), rows);
        });
    }

    @Override
    public RowsAdvance replaceGroupRows(List<RowChange> changes) {
        List<RowChange> checked = RowChange.ofOneWrite(changes);
        return write(() -> {
            for (RowChange change : checked) {
                MessageGroupRow row = change.before();
                if (!row.equals(rowsByGroup.getOrDefault(row.groupId(), Map.of()).get(row.owner()))) {
                    return new RowsAdvance.Outdated();
                }
            }
            List<MessageGroupRow> written = new ArrayList<>();
            for (RowChange change : checked) {
                removeRow(change.before());
                written.add(putRow(change.after()));
            }
            return new RowsAdvance.Advanced(written);
        });
    }

    /** At the time asked for, unless the group has a message as late or later: then a microsecond after the latest. */
    private Message putMessage(Message message) {
        NavigableMap<Instant, Message> group = messagesByGroup.computeIfAbsent(message.groupId(), id -> new TreeMap<>());
        Instant time = group.isEmpty() || group.lastKey().isBefore(message.createdAt()) ? message.createdAt()
                : group.lastKey().plus(1, ChronoUnit.MICROS);
        Message stored = message.at(time);
        group.put(stored.createdAt(), stored);
        messagesBySentId.put(SentId.of(stored), stored);
        return stored;
    }

    private MessageGroupRow putRow(MessageGroupRow row) {
        NavigableMap<Instant, MessageGroupRow> owned = rowsByOwner.computeIfAbsent(row.owner(), id -> new TreeMap<>());
        MessageGroupRow stored = row.advancedTo(row.lastMessage(), freeTime(owned, row.lastMessageAt()));
        owned.put(stored.lastMessageAt(), stored);
        rowsByGroup.computeIfAbsent(row.groupId(), id -> new LinkedHashMap<>()).put(row.owner(), stored);
        return stored;
    }

    private void removeRow(MessageGroupRow row) {
        rowsByOwner.get(row.owner()).remove(row.lastMessageAt());
        Map<UserId, MessageGroupRow> groupRows = rowsByGroup.get(row.groupId());
        groupRows.remove(row.owner());
        if (groupRows.isEmpty()) {
            rowsByGroup.remove(row.groupId());
        }
    }

    /** The first microsecond from {@code wanted} on that no item of this partition holds. */
    private static Instant freeTime(NavigableMap<Instant, ?> partition, Instant wanted) {
        Instant time = wanted;
        while (partition.containsKey(time)) {
            time = time.plus(1, ChronoUnit.MICROS);
        }
        return time;
    }

    private static <T> Slice<T> slice(NavigableMap<Instant, T> partition, SliceQuery query) {
        if (partition == null) {
            return Slice.empty();
        }
        Optional<Instant> from = query.from();
        NavigableMap<Instant, T> range = query.direction() == SliceQuery.Direction.NEWEST_FIRST
                ? from.map(bound -> partition.headMap(bound, false)).orElse(partition).descendingMap()
                : from.map(bound -> partition.tailMap(bound, false)).orElse(partition);
        List<T> items = new ArrayList<>(query.limit());
        Iterator<T> values = range.values().iterator();
        while (values.hasNext() && items.size() < query.limit()) {
            items.add(values.next());
        }
        return new Slice<>(items, values.hasNext());
    }

    private void publish(Message stored) {
        for (NewMessageHandler handler : handlers) {
            if (!handler.handle(List.of(stored)).complete()) {
                LOG.warn("the rows of group {} did not follow message {}", stored.groupId(), stored.id());
            }
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A message id as its sender's idempotency key. */
    private record SentId(UserId sender, MessageId id) {
        static SentId of(Message message) {
            return new SentId(message.sender().id(), message.id());
        }
    }
}
