package io.cruddur.messaging.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryNewsBus;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.ReadNews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** News of new messages and changed members between hosts: two facades on one store and one bus stand for two hosts. */
class NewsTest {
    private final InMemoryMessagingPort storage = new InMemoryMessagingPort();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final InMemoryNewsBus bus = new InMemoryNewsBus();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");
    private final User londo = register("londo");

    @Test
    void a_message_whose_rows_moved_on_one_host_is_heard_on_another_with_its_members() throws InterruptedException {
        Messaging writingHost = host(storage);
        Messaging otherHost = listeningHost(storage);
        Listener listener = new Listener(Set.of(bayko.id()));
        otherHost.subscribeToNews(listener);

        Message sent = writingHost.sendMessage(new SendMessageCommand(andrew, start(writingHost),
                new MessageText("across hosts"), Optional.empty()));

        assertThat(listener.next()).isEqualTo(sent);
        assertThat(listener.members).containsExactly(Set.of(andrew.id(), bayko.id()));
    }

    @Test
    void news_for_nobody_listening_here_costs_no_read() throws InterruptedException {
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
        NewsSubscription subscription = listeningHost(counting).subscribeToNews(onlyLondo);

        writingHost.sendMessage(new SendMessageCommand(andrew, start(writingHost), new MessageText("not for londo"),
                Optional.empty()));

        assertThat(onlyLondo.askedAbout(2)).as("the host was asked about both messages").isTrue();
        assertThat(onlyLondo.heard).isEmpty();
        assertThat(reads).hasValue(0);
        subscription.close();
    }

    @Test
    void a_closed_subscription_hears_nothing_more() throws InterruptedException {
        Messaging host = host(storage);
        Listener closed = new Listener(Set.of(andrew.id()));
        host.subscribeToNews(closed).close();
        Listener control = new Listener(Set.of(andrew.id()));
        host.subscribeToNews(control);

        host.sendMessage(new SendMessageCommand(bayko, start(host), new MessageText("unheard"), Optional.empty()));

        assertThat(control.next().text().value()).isEqualTo("unheard");
        assertThat(closed.heard).isEmpty();
    }

    @Test
    void news_names_no_members_so_a_host_tells_only_the_groups_own_members() throws InterruptedException {
        Messaging host = host(storage);
        Message sent = host.sendMessage(new SendMessageCommand(andrew, start(host), new MessageText("for members"),
                Optional.empty()));
        Listener outsider = new Listener(Set.of(londo.id()));
        Listener member = new Listener(Set.of(bayko.id()));
        listeningHost(storage).subscribeToNews(outsider);
        listeningHost(storage).subscribeToNews(member);

        bus.publish(new MessageNews(sent.groupId(), sent.id(), sent.createdAt()));

        assertThat(member.next()).isEqualTo(sent);
        assertThat(outsider.askedAbout(1)).as("the outsider's host was asked").isTrue();
        assertThat(outsider.heard).isEmpty();
    }

    @Test
    void news_of_a_group_message_is_heard_with_every_member() throws InterruptedException {
        Messaging writingHost = host(storage);
        Listener listener = new Listener(Set.of(londo.id()));
        listeningHost(storage).subscribeToNews(listener);
        MessageGroupId group = writingHost.startGroup(new StartGroupCommand(andrew, List.of(bayko.handle(), londo.handle()),
                Optional.empty(), new MessageText("hello both"), Optional.empty())).groupId();

        assertThat(listener.next().groupId()).isEqualTo(group);
        assertThat(listener.members).containsExactly(Set.of(andrew.id(), bayko.id(), londo.id()));
    }

    @Test
    void a_member_who_leaves_on_one_host_is_refused_at_once_on_another_that_remembered_the_members()
            throws InterruptedException {
        Messaging writingHost = host(storage);
        Messaging otherHost = listeningHost(storage);
        MessageGroupId group = startGroup(writingHost);
        otherHost.listMessages(new ListMessagesQuery(bayko, group, PageRequest.first()));

        writingHost.leaveGroup(bayko, group);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && stillReads(otherHost, bayko, group)) {
            Thread.sleep(5);
        }
        World.assertRefused(() -> otherHost.listMessages(new ListMessagesQuery(bayko, group, PageRequest.first())),
                ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void a_host_tells_its_listening_members_that_the_members_changed() throws InterruptedException {
        Messaging writingHost = host(storage);
        Listener listener = new Listener(Set.of(londo.id()));
        listeningHost(storage).subscribeToNews(listener);
        MessageGroupId group = startGroup(writingHost);
        User gkar = register("gkar");

        writingHost.addMembers(new AddMembersCommand(andrew, group, List.of(gkar.handle())));

        assertThat(listener.changes.poll(10, TimeUnit.SECONDS))
                .isEqualTo(Map.entry(group, Set.of(andrew.id(), bayko.id(), londo.id(), gkar.id())));
    }

    @Test
    void an_edit_is_heard_as_a_revision_and_news_of_the_first_send_stays_news_of_a_message() throws InterruptedException {
        Messaging writingHost = host(storage);
        Listener listener = new Listener(Set.of(bayko.id()));
        listeningHost(storage).subscribeToNews(listener);
        Message sent = writingHost.sendMessage(new SendMessageCommand(andrew, start(writingHost),
                new MessageText("see you at 5"), Optional.empty()));
        assertThat(listener.next()).isEqualTo(sent);

        Message edited = writingHost.editMessage(new EditMessageCommand(andrew, sent.groupId(), sent.id(),
                new MessageText("see you at 6")));
        assertThat(listener.revisions.poll(10, TimeUnit.SECONDS)).isEqualTo(edited);

        bus.publish(new MessageNews(sent.groupId(), sent.id(), sent.createdAt()));
        assertThat(listener.next()).as("late news of the send, read after the edit").isEqualTo(edited);
        assertThat(listener.revisions).isEmpty();
    }

    @Test
    void a_member_who_reads_on_one_host_is_heard_on_another_and_news_naming_a_stranger_is_passed_over()
            throws InterruptedException {
        Messaging writingHost = host(storage);
        Listener listener = new Listener(Set.of(bayko.id()));
        listeningHost(storage).subscribeToNews(listener);
        MessageGroupId group = start(writingHost);
        Message reply = writingHost.sendMessage(new SendMessageCommand(bayko, group, new MessageText("read me"),
                Optional.empty()));
        bus.publish(new ReadNews(group, londo.id(), reply.createdAt()));

        writingHost.markRead(new MarkReadCommand(andrew, group, Optional.empty()));

        assertThat(listener.reads.poll(10, TimeUnit.SECONDS)).isEqualTo(new ReadNews(group, andrew.id(), reply.createdAt()));
        assertThat(listener.reads).isEmpty();
    }

    /** A host that moves group rows as messages are stored. */
    private Messaging host(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).newMessageFeed(storage.feed()).newsBus(bus).build();
    }

    /** A host that serves requests but reads no feed: it hears of new messages through the bus alone. */
    private Messaging listeningHost(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).newsBus(bus).build();
    }

    private MessageGroupId startGroup(Messaging messaging) {
        return messaging.startGroup(new StartGroupCommand(andrew, List.of(bayko.handle(), londo.handle()),
                Optional.empty(), new MessageText("hello"), Optional.empty())).groupId();
    }

    private static boolean stillReads(Messaging host, User member, MessageGroupId group) {
        try {
            host.listMessages(new ListMessagesQuery(member, group, PageRequest.first()));
            return true;
        } catch (MessagingException refused) {
            return false;
        }
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
        private final BlockingQueue<Message> heard = new LinkedBlockingQueue<>();
        private final List<Set<UserId>> members = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Map.Entry<MessageGroupId, Set<UserId>>> changes = new LinkedBlockingQueue<>();
        private final BlockingQueue<Message> revisions = new LinkedBlockingQueue<>();
        private final BlockingQueue<ReadNews> reads = new LinkedBlockingQueue<>();
        /** How often the host was asked whether it listens for a group: the last step before a read. */
        private final AtomicInteger asked = new AtomicInteger();

        Listener(Set<UserId> here) {
            this.here = here;
        }

        @Override
        public boolean listensFor(Set<UserId> groupMembers) {
            boolean listens = groupMembers.stream().anyMatch(here::contains);
            asked.incrementAndGet();
            return listens;
        }

        /** Waits until the host was asked about {@code times} pieces of news. */
        boolean askedAbout(int times) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (asked.get() < times && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return asked.get() >= times;
        }

        /** The next message heard, which must come within a few seconds (delivery runs on threads of its own). */
        Message next() throws InterruptedException {
            Message message = heard.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message heard").isNotNull();
            return message;
        }

        @Override
        public void heardRevision(Message message, Set<UserId> groupMembers) {
            revisions.add(message);
        }

        @Override
        public void readMoved(MessageGroupId group, UserId reader, Instant readUpTo, Set<UserId> groupMembers) {
            reads.add(new ReadNews(group, reader, readUpTo));
        }

        @Override
        public void membersChanged(MessageGroupId group, Set<UserId> groupMembers) {
            changes.add(Map.entry(group, groupMembers));
        }

        @Override
        public void heard(Message message, Set<UserId> groupMembers) {
            if (!message.text().value().equals("hello")) {
                members.add(groupMembers);
                heard.add(message);
            }
        }
    }
}
