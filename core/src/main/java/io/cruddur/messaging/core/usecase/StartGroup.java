package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.StartOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a conversation with the people named: the pair conversation for one person and no
 * title, otherwise a new group whose members all get a row, with the first message, all or
 * nothing.
 */
public final class StartGroup {
    /** The most members a group may have, the starter included: what one write can move. */
    public static final int MAX_MEMBERS = MessagingPort.MAX_ROWS_PER_ADVANCE;

    private final MessagingPort messages;
    private final CachingUserDirectory users;
    private final StartConversation pairs;
    private final Clock clock;
    private final IdSource ids;
    private final int maxMembers;

    StartGroup(MessagingPort messages, CachingUserDirectory users, StartConversation pairs,
            Clock clock, IdSource ids, int maxMembers) {
        if (maxMembers < 3 || maxMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException("a group's member limit is 3-" + MAX_MEMBERS + ", was " + maxMembers);
        }
        this.messages = messages;
        this.users = users;
        this.pairs = pairs;
        this.clock = clock;
        this.ids = ids;
        this.maxMembers = maxMembers;
    }

    /**
     * {@return where the first message went: a new group, or for a pair the pair's group}
     *
     * @param command who starts it, with whom, and the first message
     * @throws MessagingException {@code group_too_small}, {@code group_too_large},
     *         {@code handle_not_found}, {@code conversation_with_self}, {@code blocked}, {@code message_uuid_reused}
     */
    public ConversationStarted start(StartGroupCommand command) {
        if (command.isPair()) {
            return pairs.start(new StartConversationCommand(command.starter(), command.members().get(0), command.text(),
                    command.clientMessageId()));
        }
        // checked before any lookup, so a long list costs nothing; the command's handles are distinct,
        // regardless of case, and so are the users they name
        if (command.members().size() < 2) {
            throw new MessagingException(ErrorCode.GROUP_TOO_SMALL, "a group has at least two other members");
        }
        if (command.members().size() + 1 > maxMembers) {
            throw new MessagingException(ErrorCode.GROUP_TOO_LARGE, "a group has at most " + maxMembers + " members");
        }
        User starter = command.starter();
        List<User> recipients = new ArrayList<>(command.members().size());
        for (Handle handle : command.members()) {
            User member = users.findByHandle(handle).orElseThrow(() ->
                    new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + handle));
            if (member.id().equals(starter.id())) {
                throw new MessagingException(ErrorCode.CONVERSATION_WITH_SELF, "the starter is a member already");
            }
            Blocking.refuseIfBlocked(users, member.id(), starter);
            recipients.add(member);
        }
        Message first = new Message(command.clientMessageId().orElseGet(ids::newMessageId), ids.newGroupId(), starter,
                command.text(), Now.of(clock));
        NewConversation conversation = new NewConversation(starter, recipients, command.title(), first);

        // not remembered here: a member may change the members at once, and a remembered set put in
        // after that change forgot the group's members would hide it
        StartOutcome outcome = messages.startConversation(conversation);
        if (outcome instanceof StartOutcome.Started started) {
            return new ConversationStarted(first.groupId(), started.first(), true);
        }
        if (outcome instanceof StartOutcome.MessageIdTaken taken && sameStart(taken.existing(), first)) {
            return new ConversationStarted(taken.existing().groupId(), taken.existing(), false);
        }
        throw new MessagingException(ErrorCode.MESSAGE_UUID_REUSED,
                "message uuid " + first.id() + " was used for another message");
    }

    /**
     * A retry: the id's message is this text from this starter. The group's members are not
     * compared: the group index that lists them may lag behind the write that made them.
     */
    private static boolean sameStart(Message existing, Message first) {
        return existing.sender().id().equals(first.sender().id()) && existing.text().equals(first.text());
    }
}
