package io.cruddur.messaging.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.UserChanges;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A facade that cannot be built leaves nothing open behind it. */
class MessagingLifecycleTest {
    private final AtomicInteger openSubscriptions = new AtomicInteger();
    private final UserChanges counted = listener -> {
        openSubscriptions.incrementAndGet();
        return openSubscriptions::decrementAndGet;
    };

    @Test
    void a_refused_cursor_secret_leaves_no_subscription_to_user_changes_open() {
        Messaging.Builder builder = builder().cursorSecret(new byte[8]);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
        assertThat(openSubscriptions).hasValue(0);
    }

    @Test
    void a_feed_that_fails_to_start_leaves_no_subscription_to_user_changes_open() {
        NewMessageFeed failing = new NewMessageFeed() {
            @Override
            public void start(NewMessageHandler handler) {
                throw new IllegalStateException("the stream cannot be read");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(builder().newMessageFeed(failing)::build).hasMessage("the stream cannot be read");
        assertThat(openSubscriptions).hasValue(0);
    }

    @Test
    void closing_a_built_facade_ends_its_subscription() {
        Messaging messaging = builder().build();
        assertThat(openSubscriptions).hasValue(1);

        messaging.close();

        assertThat(openSubscriptions).hasValue(0);
    }

    private Messaging.Builder builder() {
        return Messaging.builder().messages(new InMemoryMessagingPort()).users(new InMemoryUserDirectory())
                .newsBus(NewsBus.none()).userChanges(counted);
    }
}
