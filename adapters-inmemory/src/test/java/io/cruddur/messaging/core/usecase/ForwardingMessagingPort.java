package io.cruddur.messaging.core.usecase;

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
import io.cruddur.messaging.core.port.RevisionOutcome;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.port.StartOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Passes every call to real storage; a use-case test overrides the one call it wants to watch or bend. */
class ForwardingMessagingPort implements MessagingPort {
    private final MessagingPort storage;

    ForwardingMessagingPort(MessagingPort storage) {
        this.storage = storage;
    }

    @Override
    public AppendOutcome appendMessage(Message message) {
        return storage.appendMessage(message);
    }

    @Override
    public Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id) {
        return storage.findMessage(group, createdAt, id);
    }

    @Override
    public Optional<Message> sentMessage(UserId sender, MessageId id) {
        return storage.sentMessage(sender, id);
    }

    @Override
    public Set<UserId> sendersOf(MessageGroupId group, MessageId id, Set<UserId> candidates) {
        return storage.sendersOf(group, id, candidates);
    }

    @Override
    public RevisionOutcome reviseMessage(Message current, Message revised) {
        return storage.reviseMessage(current, revised);
    }

    @Override
    public Slice<Message> messages(MessageGroupId group, SliceQuery query) {
        return storage.messages(group, query);
    }

    @Override
    public Slice<MessageGroupRow> groupRows(UserId owner, SliceQuery query) {
        return storage.groupRows(owner, query);
    }

    @Override
    public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
        return storage.rowsOfGroup(group);
    }

    @Override
    public StartOutcome startConversation(NewConversation conversation) {
        return storage.startConversation(conversation);
    }

    @Override
    public Optional<GroupMembers> groupMembers(MessageGroupId group) {
        return storage.groupMembers(group);
    }

    @Override
    public MembershipOutcome changeMembers(MembershipChange change) {
        return storage.changeMembers(change);
    }

    @Override
    public RowsAdvance replaceGroupRows(List<RowChange> changes) {
        return storage.replaceGroupRows(changes);
    }
}
