package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation to create: the starter (the first message's sender), the other members, the
 * title of a group, and that message. One other member and no title make a pair conversation,
 * of which a pair has at most one; anything else is a group conversation, of which the same
 * people may have several.
 *
 * @param starter    who starts it, the first message's sender
 * @param recipients the other members, in the order they were named
 * @param title      a group's title; a pair has none
 * @param first      the first message, whose group id is the new group's
 */
public record NewConversation(User starter, List<User> recipients, Optional<GroupTitle> title, Message first) {
    /**
     * Requires different users, at least one other member, at most
     * {@link MessagingPort#MAX_ROWS_PER_ADVANCE} members in all, and a first message from the starter.
     *
     * @param starter    who starts it
     * @param recipients the other members
     * @param title      a group's title, if any
     * @param first      the first message
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a user appears twice, there is no other member or too
     *                                  many, or the first message is not the starter's
     */
    public NewConversation {
        Objects.requireNonNull(starter, "starter");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(first, "first");
        Set<UserId> seen = new HashSet<>();
        seen.add(starter.id());
        for (User recipient : recipients) {
            if (!seen.add(recipient.id())) {
                throw new IllegalArgumentException("a conversation needs different users");
            }
        }
        if (recipients.isEmpty() || seen.size() > MessagingPort.MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("a conversation has 2 to " + MessagingPort.MAX_ROWS_PER_ADVANCE
                    + " members");
        }
        if (!first.sender().id().equals(starter.id())) {
            throw new IllegalArgumentException("the first message is the starter's");
        }
    }

    /**
     * A pair conversation.
     *
     * @param starter   who starts it
     * @param recipient the other member
     * @param first     the first message
     */
    public NewConversation(User starter, User recipient, Message first) {
        this(starter, List.of(recipient), Optional.empty(), first);
    }

    /** {@return every member: the starter first, then the others in the order they were named} */
    public List<User> members() {
        List<User> members = new ArrayList<>(recipients.size() + 1);
        members.add(starter);
        members.addAll(recipients);
        return members;
    }

    /**
     * {@return every member's row, at the first message, in the order of {@link #members()}}: the
     * starter has read it, everyone else has it unread
     */
    public List<MessageGroupRow> rows() {
        Optional<GroupMembers> group = groupMembers();
        return members().stream().map(owner -> {
            ReadState read = owner.id().equals(starter.id()) ? ReadState.readUpTo(first.createdAt())
                    : ReadState.nothingRead(1);
            return group.isPresent()
                    ? group.get().rowOf(owner.id(), first.text(), first.createdAt(), read)
                    : new MessageGroupRow(owner.id(), first.groupId(), new Counterpart.Person(other(owner)),
                            first.text(), first.createdAt(), read);
        }).toList();
    }

    /** {@return the members of a group conversation as it starts; empty for a pair, whose members never change} */
    public Optional<GroupMembers> groupMembers() {
        return pair().isPresent() ? Optional.empty()
                : Optional.of(GroupMembers.started(first.groupId(), title, members()));
    }

    /** {@return the pair, for a pair conversation; empty for a group} */
    public Optional<UserPair> pair() {
        return recipients.size() == 1 && title.isEmpty()
                ? Optional.of(UserPair.of(starter.id(), recipients.get(0).id()))
                : Optional.empty();
    }

    private User other(User owner) {
        return owner.id().equals(starter.id()) ? recipients.get(0) : starter;
    }
}
