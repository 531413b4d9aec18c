package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ConversationSeeding;
import io.cruddur.messaging.core.usecase.Messaging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole library on in-memory storage in one line, for an embedding service's tests and for
 * demos: {@code InMemoryMessaging.create().messaging()}. Group rows are refreshed as in production, driven
 * by the storage's feed of new messages (synchronously; see {@link InMemoryMessagingPort}).
 * Nothing runs in the background, so nothing needs closing.
 */
public final class InMemoryMessaging {
    private final InMemoryMessagingPort messages = new InMemoryMessagingPort();
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final Messaging messaging;

    private InMemoryMessaging(Consumer<Messaging.Builder> configuration) {
        Messaging.Builder builder = Messaging.builder().messages(messages).users(users).userAdministration(users);
        configuration.accept(builder);
        this.messaging = builder.newMessageFeed(messages.feed()).build();
    }

    /** {@return the library in memory, with a random cursor key, the system clock and random ids} */
    public static InMemoryMessaging create() {
        return new InMemoryMessaging(builder -> { });
    }

    /**
     * With the builder adjusted, typically a fixed clock or id source:
     * {@code InMemoryMessaging.create(b -> b.clock(clock))}. The ports and the feed are set here
     * and must not be replaced.
     *
     * @param configuration adjusts the facade's builder after the ports are set and before the
     *                      store's feed is, then the facade is built
     * @return the library in memory, configured
     */
    public static InMemoryMessaging create(Consumer<Messaging.Builder> configuration) {
        return new InMemoryMessaging(configuration);
    }

    /** {@return the facade over the in-memory ports; thread-safe, one for the whole test or demo} */
    public Messaging messaging() {
        return messaging;
    }

    /**
     * {@return the message store behind the facade, for a test that reads or writes beneath it}
     * A message appended here still moves its group's rows, since the store's feed hands it over.
     */
    public InMemoryMessagingPort messagesPort() {
        return messages;
    }

    /**
     * {@return the user directory behind the facade} A change to an existing user made here rather
     * than through the facade reaches the facade's user caches only when their entries expire.
     */
    public InMemoryUserDirectory usersPort() {
        return users;
    }

    /**
     * Adds a user (e-mail {@code handle@example.org}, the handle lower-cased, no Cognito id) through
     * the facade, so the user caches hear of it.
     *
     * @param handle      the handle as stored, without the {@code @}
     * @param displayName the name shown beside the handle
     * @return the new user
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code handle_invalid},
     *         {@code display_name_invalid}, or {@code handle_taken} when the handle exists in any case
     */
    public User seedUser(String handle, String displayName) {
        Handle parsed = new Handle(handle);
        return messaging.registerUser(
                new NewUser(parsed, displayName, parsed.normalized() + "@example.org", Optional.empty())).user();
    }

    /**
     * Starts a conversation from {@code starter} to {@code other} with the first text, then has
     * the two take turns with the rest, and returns the group.
     *
     * @param starter who writes the first text, and every other reply from the second on
     * @param other   who is written to, and writes the first reply
     * @param first   the text that starts the conversation
     * @param replies the texts that follow, alternating between the two
     * @return the group: the pair's existing one if they already had one, else a new one
     */
    public MessageGroupId seedConversation(User starter, User other, String first, String... replies) {
        List<String> texts = new ArrayList<>(List.of(first));
        texts.addAll(List.of(replies));
        return ConversationSeeding.takeTurns(messaging, starter, other, texts);
    }
}
