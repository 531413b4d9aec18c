package io.cruddur.messaging.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Three seeded users on in-memory storage with a clock that moves one second per message. */
final class World {
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryMessaging memory = InMemoryMessaging.create(builder -> builder.clock(clock));
    final Messaging messaging = memory.messaging();
    final User andrew = memory.seedUser("andrewbrown", "Andrew Brown");
    final User bayko = memory.seedUser("bayko", "Andrew Bayko");
    final User londo = memory.seedUser("londo", "Londo Mollari");

    ConversationStarted start(User starter, User recipient, String text) {
        clock.advance(Duration.ofSeconds(1));
        return messaging.startConversation(
                new StartConversationCommand(starter, recipient.handle(), new MessageText(text), Optional.empty()));
    }

    Message send(User sender, MessageGroupId group, String text) {
        clock.advance(Duration.ofSeconds(1));
        return messaging.sendMessage(new SendMessageCommand(sender, group, new MessageText(text), Optional.empty()));
    }

    MessagePage messages(User caller, MessageGroupId group, PageRequest page) {
        return messaging.listMessages(new ListMessagesQuery(caller, group, page));
    }

    MessageGroupPage groups(User caller) {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(caller, PageRequest.first()));
    }

    static void assertRefused(ThrowingCallable call, ErrorCode... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessagingException.class,
                refused -> assertThat(refused.codes()).containsExactly(expected));
    }
}
