package io.cruddur.messaging.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.NewsListener;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** News of new messages between hosts: two facades on one store and one bus stand for two hosts. */
class NewsTest {
    private final InMemoryMessagingPort storage = new InMemoryMessagingPort();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final InMemoryNewsBus bus = new InMemoryNewsBus();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");
    private final User londo = register("londo");

    @Test
    void a_message_whose_rows_moved_on_one_host_is_heard_on_another_with_its_members() {
        Messaging writingHost = host(storage);
        Messaging otherHost = listeningHost(storage);
        Listener listener = new Listener(Set.of(bayko.id()));
        otherHost.subscribeToNews(listener);

        Message sent = writingHost.sendMessage(new SendMessageCommand(andrew, start(writingHost),
                new MessageText("across hosts"), Optional.empty()));

        assertThat(listener.heard).containsExactly(sent);
        assertThat(listener.members).containsExactly(Set.of(andrew.id(), bayko.id()));
    }

    @Test
    void news_for_nobody_listening_here_costs_no_read() {
        AtomicInteger reads = new AtomicInteger();
        MessagingPort counting = new ForwardingMessagingPort(storage) {
            @Override
            public Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id) {
                reads.incrementAndGet();
                return super.findMessage(group, createdAt, id);
            }
        };
        Messaging writingHost = host(storage);
        Listener onlyLondo = new Listener(Set.of(londo.id()));
        NewsBus.Subscription subscription = listeningHost(counting).subscribeToNews(onlyLondo);

        writingHost.sendMessage(new SendMessageCommand(andrew, start(writingHost), new MessageText("not for londo"),
                Optional.empty()));

        assertThat(onlyLondo.heard).isEmpty();
        assertThat(reads).hasValue(0);
        subscription.close();
    }

    @Test
    void a_closed_subscription_hears_nothing_more() {
        Messaging host = host(storage);
        Listener listener = new Listener(Set.of(andrew.id()));
        host.subscribeToNews(listener).close();

        host.sendMessage(new SendMessageCommand(bayko, start(host), new MessageText("unheard"), Optional.empty()));

        assertThat(listener.heard).isEmpty();
    }

    /** A host that moves group rows as messages are stored. */
    private Messaging host(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).newMessageFeed(storage.feed()).newsBus(bus).build();
    }

    /** A host that serves requests but reads no feed: it hears of new messages through the bus alone. */
    private Messaging listeningHost(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).newsBus(bus).build();
    }

    private MessageGroupId start(Messaging messaging) {
        return messaging.startConversation(new StartConversationCommand(
                andrew, bayko.handle(), new MessageText("hello"), Optional.empty())).groupId();
    }

    private User register(String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty()))
                .user();
    }

    /** A host whose connected users are {@code here}. */
    private static final class Listener implements NewsListener {
        private final Set<UserId> here;
        private final List<Message> heard = new ArrayList<>();
        private final List<Set<UserId>> members = new ArrayList<>();

        Listener(Set<UserId> here) {
            this.here = here;
        }

        @Override
        public boolean listensFor(Set<UserId> groupMembers) {
            return groupMembers.stream().anyMatch(here::contains);
        }

        @Override
        public void heard(Message message, Set<UserId> groupMembers) {
            if (!message.text().value().equals("hello")) {
                heard.add(message);
                members.add(groupMembers);
            }
        }
    }
}
