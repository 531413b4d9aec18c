package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.IsoTime;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import java.time.Instant;

/** The JSON bodies of the API, shaped as the reference frontend reads them. */
final class Views {

    private Views() {
    }

    /**
     * A message in a conversation: {@code uuid} is the message's, the person is its sender;
     * {@code edited_at} only once it was edited, and a deleted one is a tombstone,
     * {@code deleted: true} with an empty {@code message}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String uuid, @JsonProperty("display_name") String displayName, String handle, String message,
            @JsonProperty("created_at") String createdAt, @JsonProperty("edited_at") String editedAt, Boolean deleted) {
        static MessageView of(Message message) {
            return new MessageView(message.id().toString(), message.sender().displayName(),
                    message.sender().handle().value(), message.deleted() ? "" : message.text().value(),
                    time(message.createdAt()), message.editedAt().map(Views::time).orElse(null),
                    message.deleted() ? Boolean.TRUE : null);
        }
    }

    /**
     * A conversation in the list: {@code uuid} is the group's; for a pair the person is the other
     * member, for a group {@code display_name} is its name and {@code handle} is empty;
     * {@code kind} ({@code pair} or {@code group}), {@code members} (the owner included) and
     * {@code unread} (messages from others after the owner's read position) are ours.
     */
    record GroupView(String uuid, @JsonProperty("display_name") String displayName, String handle, String message,
            @JsonProperty("created_at") String createdAt, String kind, int members, int unread) {
        static GroupView of(MessageGroupRow row) {
            Counterpart counterpart = row.counterpart();
            boolean pair = counterpart instanceof Counterpart.Person;
            String handle = pair ? ((Counterpart.Person) counterpart).user().handle().value() : "";
            return new GroupView(row.groupId().toString(), counterpart.displayName(), handle,
                    row.lastMessage().value(), time(row.lastMessageAt()), pair ? "pair" : "group", counterpart.members(),
                    row.read().unread());
        }
    }

    /**
     * A member of a group: who, and {@code last_read_at}, the time of the latest message they have
     * read (null before they have read anything).
     */
    record MemberView(String uuid, String handle, @JsonProperty("display_name") String displayName,
            @JsonProperty("last_read_at") String lastReadAt) {
        static MemberView of(Member member) {
            User user = member.user();
            return new MemberView(user.id().toString(), user.handle().value(), user.displayName(),
                    member.readUpTo().map(Views::time).orElse(null));
        }
    }

    /** What {@code POST …/read} answers: how far the caller has read now, and how many messages they have not. */
    record ReadView(@JsonProperty("message_group_uuid") String messageGroupUuid,
            @JsonProperty("last_read_at") String lastReadAt, int unread) {
        static ReadView of(MessageGroupRow row) {
            return new ReadView(row.groupId().toString(), row.read().readUpTo().map(Views::time).orElse(null),
                    row.read().unread());
        }
    }

    /** The body of a {@code read} event: which member read how far in which group. */
    record ReaderView(@JsonProperty("message_group_uuid") String messageGroupUuid, String uuid,
            @JsonProperty("last_read_at") String lastReadAt) {
    }

    /**
     * What {@code POST /api/messages} answers for a message sent in a group, what an edit or a
     * delete answers, and what live events carry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SentView(@JsonProperty("message_group_uuid") String messageGroupUuid, String uuid,
            @JsonProperty("display_name") String displayName, String handle, String message,
            @JsonProperty("created_at") String createdAt, @JsonProperty("edited_at") String editedAt, Boolean deleted) {
        static SentView of(Message message) {
            MessageView view = MessageView.of(message);
            return new SentView(message.groupId().toString(), view.uuid(), view.displayName(), view.handle(),
                    view.message(), view.createdAt(), view.editedAt(), view.deleted());
        }
    }

    /**
     * What {@code POST /api/messages} answers when it started (or found) a conversation; also the
     * body of a {@code members_changed} event.
     */
    record StartedView(@JsonProperty("message_group_uuid") String messageGroupUuid) {
    }

    /** {@code GET /api/users/@{handle}/short}. */
    record ShortProfileView(String uuid, String handle, @JsonProperty("display_name") String displayName) {
        static ShortProfileView of(User user) {
            return new ShortProfileView(user.id().toString(), user.handle().value(), user.displayName());
        }
    }

    /** {@code POST /dev/login}. */
    record TokenView(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    static String time(Instant instant) {
        return IsoTime.format(instant);
    }
}
