package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.UserPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table layout, as the reference Cruddur backend writes it, plus two item kinds of
 * our own. Only group rows carry {@code message_group_uuid}, so the GSI holds them alone.
 * <pre>
 * message       pk MSG#{group}                   sk {created_at}   message_uuid message user_uuid user_display_name user_handle
 *                                                                   [edited_at] [deleted_at, message ""] (ours)
 * group row     pk GRP#{owner}                   sk {last_msg_at}  message_group_uuid message user_uuid user_display_name user_handle
 *                                                                   [group_members group_title] (a group's row; ours)
 *                                                                   unread [read_at] (the owner's read state; ours)
 * message id    pk MSGID#{sender}#{message_uuid} sk MSGID          message_pk message_sk       (idempotency; ours)
 * pair          pk PAIR#{uuid}#{uuid}            sk PAIR           group_uuid                  (one group per pair; ours)
 * members       pk MEMBERS#{group}               sk MEMBERS        members_version members [group_title]
 *                                                                   (a group conversation's members; ours)
 * latest        pk LATEST#{group}                sk LATEST         last_message_at  (the group's latest message; ours)
 * </pre>
 * A row without {@code unread} was written by the reference, which keeps no read state: it reads
 * as read up to its own message, nothing unread. The latest item orders a group's messages: every
 * append moves it forward, only forward, in the same transaction, so no message is ever stored
 * before one already stored.
 * A members item lists a group's members in the order they joined, each as
 * {@code {user_uuid, user_handle, user_display_name}}; it is read consistently, where the index
 * that finds a group's rows may lag.
 * A message id item is its sender's idempotency key, so one sender's ids never collide with
 * another's: no one learns of, or claims first, an id someone else uses.
 */
final class MessageTable {
    static final String DEFAULT_NAME = "cruddur-messages";
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GROUP_INDEX = "message-group-sk-index";
    static final String GROUP_UUID = "message_group_uuid";
    static final String MESSAGE = "message";
    static final String MESSAGE_UUID = "message_uuid";
    static final String USER_UUID = "user_uuid";
    static final String USER_DISPLAY_NAME = "user_display_name";
    static final String USER_HANDLE = "user_handle";
    static final String MESSAGE_PK = "message_pk";
    static final String MESSAGE_SK = "message_sk";
    static final String PAIR_GROUP_UUID = "group_uuid";
    /** On a group conversation's rows only: how many members it has, and its title if it has one. */
    static final String GROUP_MEMBERS = "group_members";
    static final String GROUP_TITLE = "group_title";
    /** On a message its sender edited or deleted: when; a deleted message's {@code message} is empty. */
    static final String EDITED_AT = "edited_at";
    static final String DELETED_AT = "deleted_at";
    static final String MEMBERS = "members";
    static final String MEMBERS_VERSION = "members_version";
    /** On a group row: how many messages from others its owner has not read, and the time of the latest they have. */
    static final String UNREAD = "unread";
    static final String READ_AT = "read_at";
    /** On a group's latest item: the time of its latest message. */
    static final String LAST_MESSAGE_AT = "last_message_at";

    static final String MESSAGE_PREFIX = "MSG#";
    static final String GROUP_ROW_PREFIX = "GRP#";
    static final String MESSAGE_ID_PREFIX = "MSGID#";
    static final String PAIR_PREFIX = "PAIR#";
    private static final String MESSAGE_ID_SK = "MSGID";
    private static final String PAIR_SK = "PAIR";
    private static final String MEMBERS_PREFIX = "MEMBERS#";
    private static final String MEMBERS_SK = "MEMBERS";
    private static final String LATEST_PREFIX = "LATEST#";
    private static final String LATEST_SK = "LATEST";

    private MessageTable() {
    }

    static String messagesKey(MessageGroupId group) {
        return MESSAGE_PREFIX + group;
    }

    static String rowsKey(UserId owner) {
        return GROUP_ROW_PREFIX + owner;
    }

    static Map<String, AttributeValue> messageItem(Message message) {
        Map<String, AttributeValue> item = new HashMap<>(messageKey(message));
        item.put(MESSAGE_UUID, s(message.id().toString()));
        item.put(MESSAGE, s(message.deleted() ? "" : message.text().value()));
        item.put(USER_UUID, s(message.sender().id().toString()));
        item.put(USER_DISPLAY_NAME, s(message.sender().displayName()));
        item.put(USER_HANDLE, s(message.sender().handle().value()));
        message.editedAt().ifPresent(at -> item.put(EDITED_AT, s(Timestamps.format(at))));
        message.deletedAt().ifPresent(at -> item.put(DELETED_AT, s(Timestamps.format(at))));
        return item;
    }

    static Map<String, AttributeValue> messageKey(Message message) {
        return Map.of(PK, s(messagesKey(message.groupId())), SK, s(Timestamps.format(message.createdAt())));
    }

    static boolean isMessageItem(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(PK);
        return pk != null && pk.s() != null && pk.s().startsWith(MESSAGE_PREFIX);
    }

    static Message message(Map<String, AttributeValue> item) {
        Optional<Instant> deletedAt = time(item, DELETED_AT);
        return new Message(
                new MessageId(uuid(item, MESSAGE_UUID)),
                new MessageGroupId(UUID.fromString(text(item, PK).substring(MESSAGE_PREFIX.length()))),
                user(item),
                deletedAt.isPresent() ? Message.DELETED_TEXT : new MessageText(text(item, MESSAGE)),
                Timestamps.parse(text(item, SK)),
                time(item, EDITED_AT),
                deletedAt);
    }

    private static Optional<Instant> time(Map<String, AttributeValue> item, String attribute) {
        return item.containsKey(attribute) ? Optional.of(Timestamps.parse(text(item, attribute))) : Optional.empty();
    }

    /**
     * A row holds the reference's attributes whatever it shows; a group's row names the group in
     * {@code user_display_name}, leaves {@code user_uuid} and {@code user_handle} empty, and adds
     * {@code group_members} and {@code group_title}.
     */
    static Map<String, AttributeValue> rowItem(MessageGroupRow row) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(rowsKey(row.owner())));
        item.put(SK, s(Timestamps.format(row.lastMessageAt())));
        item.put(GROUP_UUID, s(row.groupId().toString()));
        item.put(MESSAGE, s(row.lastMessage().value()));
        item.put(USER_DISPLAY_NAME, s(row.counterpart().displayName()));
        if (row.counterpart() instanceof Counterpart.Person person) {
            item.put(USER_UUID, s(person.user().id().toString()));
            item.put(USER_HANDLE, s(person.user().handle().value()));
        } else {
            Counterpart.Group group = (Counterpart.Group) row.counterpart();
            item.put(USER_UUID, s(""));
            item.put(USER_HANDLE, s(""));
            item.put(GROUP_MEMBERS, AttributeValue.fromN(Integer.toString(group.members())));
            group.title().ifPresent(title -> item.put(GROUP_TITLE, s(title.value())));
        }
        item.put(UNREAD, n(row.read().unread()));
        row.read().readUpTo().ifPresent(at -> item.put(READ_AT, s(Timestamps.format(at))));
        return item;
    }

    static MessageGroupRow row(Map<String, AttributeValue> item) {
        AttributeValue members = item.get(GROUP_MEMBERS);
        Counterpart counterpart = members == null ? new Counterpart.Person(user(item))
                : new Counterpart.Group(Optional.ofNullable(item.get(GROUP_TITLE)).flatMap(MessageTable::storedTitle),
                        text(item, USER_DISPLAY_NAME), Integer.parseInt(members.n()));
        Instant lastMessageAt = Timestamps.parse(text(item, SK));
        AttributeValue unread = item.get(UNREAD);
        ReadState read = unread == null || unread.n() == null ? ReadState.readUpTo(lastMessageAt)
                : new ReadState(time(item, READ_AT), Integer.parseInt(unread.n()));
        return new MessageGroupRow(
                new UserId(UUID.fromString(text(item, PK).substring(GROUP_ROW_PREFIX.length()))),
                new MessageGroupId(uuid(item, GROUP_UUID)),
                counterpart,
                new MessageText(text(item, MESSAGE)),
                lastMessageAt,
                read);
    }

    /** A title another writer stored under looser rules is left out; the row still shows its name. */
    private static Optional<GroupTitle> storedTitle(AttributeValue title) {
        try {
            return Optional.of(new GroupTitle(title.s() == null ? "" : title.s()));
        } catch (MessagingException refused) {
            return Optional.empty();
        }
    }

    static Map<String, AttributeValue> rowKey(MessageGroupRow row) {
        return Map.of(PK, s(rowsKey(row.owner())), SK, s(Timestamps.format(row.lastMessageAt())));
    }

    /** Points from a message id to its message, so an id is stored once whatever the group. */
    static Map<String, AttributeValue> messageIdItem(Message message) {
        Map<String, AttributeValue> item = new HashMap<>(messageIdKey(message.sender().id(), message.id()));
        item.put(MESSAGE_PK, s(messagesKey(message.groupId())));
        item.put(MESSAGE_SK, s(Timestamps.format(message.createdAt())));
        return item;
    }

    static Map<String, AttributeValue> messageIdKey(UserId sender, MessageId id) {
        return Map.of(PK, s(MESSAGE_ID_PREFIX + sender + "#" + id), SK, s(MESSAGE_ID_SK));
    }

    /** The key of the message a message-id item points to. */
    static Map<String, AttributeValue> pointedMessageKey(Map<String, AttributeValue> messageIdItem) {
        return Map.of(PK, messageIdItem.get(MESSAGE_PK), SK, messageIdItem.get(MESSAGE_SK));
    }

    /** Marks a pair as having a group: the item whose existence keeps a pair to one group. */
    static Map<String, AttributeValue> pairItem(UserPair pair, MessageGroupId group) {
        return Map.of(
                PK, s(PAIR_PREFIX + pair.first() + "#" + pair.second()),
                SK, s(PAIR_SK),
                PAIR_GROUP_UUID, s(group.toString()));
    }

    static MessageGroupId pairGroup(Map<String, AttributeValue> pairItem) {
        return new MessageGroupId(uuid(pairItem, PAIR_GROUP_UUID));
    }

    static Map<String, AttributeValue> membersKey(MessageGroupId group) {
        return Map.of(PK, s(MEMBERS_PREFIX + group), SK, s(MEMBERS_SK));
    }

    static Map<String, AttributeValue> membersItem(GroupMembers members) {
        Map<String, AttributeValue> item = new HashMap<>(membersKey(members.group()));
        item.put(MEMBERS_VERSION, n(members.version()));
        item.put(MEMBERS, AttributeValue.fromL(members.members().stream()
                .map(member -> AttributeValue.fromM(Map.of(
                        USER_UUID, s(member.id().toString()),
                        USER_HANDLE, s(member.handle().value()),
                        USER_DISPLAY_NAME, s(member.displayName()))))
                .toList()));
        members.title().ifPresent(title -> item.put(GROUP_TITLE, s(title.value())));
        return item;
    }

    static GroupMembers groupMembers(Map<String, AttributeValue> item) {
        MessageGroupId group = new MessageGroupId(UUID.fromString(text(item, PK).substring(MEMBERS_PREFIX.length())));
        AttributeValue members = item.get(MEMBERS);
        if (members == null || !members.hasL()) {
            throw new IllegalArgumentException("the members item of group " + group + " lacks its list of members");
        }
        return new GroupMembers(group, Optional.ofNullable(item.get(GROUP_TITLE)).flatMap(MessageTable::storedTitle),
                members.l().stream().map(member -> user(member.m())).toList(), version(item));
    }

    static Map<String, AttributeValue> latestKey(MessageGroupId group) {
        return Map.of(PK, s(LATEST_PREFIX + group), SK, s(LATEST_SK));
    }

    /** A group's latest item, at {@code message}. */
    static Map<String, AttributeValue> latestItem(Message message) {
        Map<String, AttributeValue> item = new HashMap<>(latestKey(message.groupId()));
        item.put(LAST_MESSAGE_AT, s(Timestamps.format(message.createdAt())));
        return item;
    }

    /** The time of the latest message a group's latest item holds. */
    static Instant latestTime(Map<String, AttributeValue> latestItem) {
        return Timestamps.parse(text(latestItem, LAST_MESSAGE_AT));
    }

    static long version(Map<String, AttributeValue> membersItem) {
        AttributeValue version = membersItem.get(MEMBERS_VERSION);
        if (version == null || version.n() == null) {
            throw new IllegalArgumentException("item " + membersItem.get(PK) + " lacks its " + MEMBERS_VERSION);
        }
        return Long.parseLong(version.n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static User user(Map<String, AttributeValue> item) {
        return new User(new UserId(uuid(item, USER_UUID)), new Handle(text(item, USER_HANDLE)),
                text(item, USER_DISPLAY_NAME));
    }

    private static UUID uuid(Map<String, AttributeValue> item, String attribute) {
        return UUID.fromString(text(item, attribute));
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("item " + item.get(PK) + " lacks the string attribute " + attribute);
        }
        return value.s();
    }
}
