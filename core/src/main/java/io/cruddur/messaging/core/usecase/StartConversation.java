package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.StartOutcome;
import java.time.Clock;
import java.util.Set;

/**
 * Starting a conversation: write to {@code @handle}. A new group appears with both rows and the message, or
 * not at all; a pair that already talks (whoever started) keeps its one group and the message
 * goes there.
 */
public final class StartConversation {
    private final MessagingPort messages;
    private final CachingUserDirectory users;
    private final Memberships memberships;
    private final SendMessage sendMessage;
    private final Clock clock;
    private final IdSource ids;

    StartConversation(MessagingPort messages, CachingUserDirectory users, Memberships memberships,
            SendMessage sendMessage, Clock clock, IdSource ids) {
        this.messages = messages;
        this.users = users;
        this.memberships = memberships;
        this.sendMessage = sendMessage;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * {@return where the message went (the pair's existing group or a new one) and the message as stored}
     *
     * @param command who writes what to which handle
     * @throws MessagingException {@code handle_not_found}, {@code conversation_with_self}, {@code blocked} or
     *         {@code message_uuid_reused}
     */
    public ConversationStarted start(StartConversationCommand command) {
        User starter = command.starter();
        User recipient = users.findByHandle(command.recipient()).orElseThrow(() ->
                new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + command.recipient()));
        if (recipient.id().equals(starter.id())) {
            throw new MessagingException(ErrorCode.CONVERSATION_WITH_SELF, "a conversation needs another user");
        }
        Blocking.refuseIfBlocked(users, recipient.id(), starter);
        Message first = new Message(
                command.clientMessageId().orElseGet(ids::newMessageId),
                ids.newGroupId(),
                starter,
                command.text(),
                Now.of(clock));

        StartOutcome outcome = messages.startConversation(new NewConversation(starter, recipient, first));
        if (outcome instanceof StartOutcome.Started started) {
            memberships.rememberPair(first.groupId(), Set.of(starter.id(), recipient.id()));
            return new ConversationStarted(first.groupId(), started.first(), true);
        }
        if (outcome instanceof StartOutcome.PairExists pair) {
            Message stored = sendMessage.store(first.inGroup(pair.existing()));
            return new ConversationStarted(pair.existing(), stored, false);
        }
        throw new MessagingException(ErrorCode.MESSAGE_UUID_REUSED,
                "message uuid " + first.id() + " was used for another message");
    }
}
