package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.SliceQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Unread counts and read positions: kept by pattern E as messages land, moved by marking read. */
class ReadStateTest {
    private final World world = new World();

    @Test
    void messages_from_others_count_as_unread_and_sending_reads_everything_before_ones_message() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        assertThat(unread(world.andrew, group)).isZero();
        assertThat(unread(world.bayko, group)).isEqualTo(1);

        world.send(world.bayko, group, "one");
        Message two = world.send(world.bayko, group, "two");
        assertThat(unread(world.andrew, group)).isEqualTo(2);
        assertThat(row(world.bayko, group).read()).isEqualTo(ReadState.readUpTo(two.createdAt()));

        Message answer = world.send(world.andrew, group, "answer");
        assertThat(row(world.andrew, group).read()).isEqualTo(ReadState.readUpTo(answer.createdAt()));
        assertThat(unread(world.bayko, group)).isEqualTo(1);
    }

    @Test
    void marking_read_moves_forward_only_and_leaves_what_follows_the_message_read_counted() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        Message one = world.send(world.bayko, group, "one");
        Message two = world.send(world.bayko, group, "two");
        Message three = world.send(world.bayko, group, "three");

        MessageGroupRow upToOne = markRead(world.andrew, group, Optional.of(one.id()));
        assertThat(upToOne.read()).isEqualTo(new ReadState(Optional.of(one.createdAt()), 2));
        assertThat(markRead(world.andrew, group, Optional.of(one.id()))).as("again: the same").isEqualTo(upToOne);

        assertThat(markRead(world.andrew, group, Optional.empty()).read())
                .isEqualTo(ReadState.readUpTo(three.createdAt()));
        assertThat(markRead(world.andrew, group, Optional.of(two.id())).read()).as("an older position changes nothing")
                .isEqualTo(ReadState.readUpTo(three.createdAt()));
        assertThat(world.groups(world.andrew).groups()).extracting(MessageGroupRow::read)
                .containsExactly(ReadState.readUpTo(three.createdAt()));
    }

    @Test
    void marking_read_is_refused_to_strangers_and_for_messages_the_group_does_not_have() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        Message elsewhere = world.send(world.londo, world.start(world.londo, world.andrew, "hi").groupId(), "elsewhere");

        assertRefused(() -> markRead(world.londo, group, Optional.empty()), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> markRead(world.andrew, new MessageGroupId(UUID.randomUUID()), Optional.empty()),
                ErrorCode.MESSAGE_GROUP_NOT_FOUND);
        assertRefused(() -> markRead(world.bayko, group, Optional.of(new MessageId(UUID.randomUUID()))),
                ErrorCode.MESSAGE_NOT_FOUND);
        assertRefused(() -> markRead(world.bayko, group, Optional.of(elsewhere.id())), ErrorCode.MESSAGE_NOT_FOUND);
        assertThat(unread(world.bayko, group)).isEqualTo(1);
    }

    @Test
    void the_members_list_tells_how_far_each_member_has_read() {
        ConversationStarted started = world.start(world.andrew, world.bayko, "hi bayko");
        Message reply = world.send(world.bayko, started.groupId(), "hi andrew");

        assertThat(world.messaging.listMembers(world.andrew, started.groupId())).containsExactly(
                new Member(world.andrew, Optional.of(started.message().createdAt())),
                new Member(world.bayko, Optional.of(reply.createdAt())));
    }

    @Test
    void people_who_join_have_read_up_to_where_they_joined_and_count_what_comes_after() {
        MessageGroupId group = world.messaging.startGroup(new StartGroupCommand(world.andrew,
                List.of(world.bayko.handle(), world.londo.handle()), Optional.empty(), new MessageText("hello"),
                Optional.empty())).groupId();
        world.send(world.bayko, group, "before gkar");
        User gkar = world.memory.seedUser("gkar", "G'Kar");

        world.messaging.addMembers(new AddMembersCommand(world.andrew, group, List.of(gkar.handle())));
        assertThat(unread(gkar, group)).isZero();
        world.send(world.londo, group, "welcome");
        world.send(world.bayko, group, "welcome too");

        assertThat(world.groups(gkar).groups()).extracting(row -> row.read().unread()).containsExactly(2);
        assertThat(List.of(world.andrew, world.bayko, world.londo)).extracting(member -> unread(member, group))
                .containsExactly(3, 0, 1);
    }

    @Test
    void a_batch_that_brings_only_the_newest_of_several_messages_counts_them_all_and_replays_change_nothing() {
        InMemoryMessagingPort storage = new InMemoryMessagingPort();
        Messaging withoutFeed = Messaging.builder().messages(storage).users(world.memory.usersPort())
                .clock(world.clock).build();
        MessageGroupId group = withoutFeed.startConversation(new StartConversationCommand(world.andrew,
                world.bayko.handle(), new MessageText("hi bayko"), Optional.empty())).groupId();
        List<Message> sent = new ArrayList<>();
        for (String text : List.of("one", "two", "three")) {
            world.clock.advance(Duration.ofSeconds(1));
            sent.add(withoutFeed.sendMessage(new SendMessageCommand(world.bayko, group, new MessageText(text),
                    Optional.empty())));
        }

        withoutFeed.refreshMessageGroups(List.of(sent.get(2)));
        ReadState once = rowIn(storage, world.andrew, group).read();
        withoutFeed.refreshMessageGroups(sent);
        withoutFeed.refreshMessageGroups(List.of(sent.get(0)));

        assertThat(once.unread()).isEqualTo(3);
        assertThat(rowIn(storage, world.andrew, group).read()).isEqualTo(once);
        assertThat(rowIn(storage, world.bayko, group).read()).isEqualTo(ReadState.readUpTo(sent.get(2).createdAt()));
    }

    @Test
    void concurrent_senders_whose_clocks_disagree_leave_every_count_equal_to_a_recount() throws Exception {
        // each send is dated up to a second either way, as hosts' clocks and pauses between dating and storing do
        Clock skewed = new Clock() {
            @Override
            public Instant instant() {
                return World.START.plusMillis(ThreadLocalRandom.current().nextInt(-1_000, 1_000));
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("UTC only");
            }
        };
        InMemoryMessaging memory = InMemoryMessaging.create(builder -> builder.clock(skewed));
        Messaging messaging = memory.messaging();
        List<User> members = List.of(memory.seedUser("andrewbrown", "Andrew Brown"),
                memory.seedUser("bayko", "Andrew Bayko"), memory.seedUser("londo", "Londo Mollari"),
                memory.seedUser("lurker", "Reads Only"));
        MessageGroupId group = messaging.startGroup(new StartGroupCommand(members.get(0),
                members.subList(1, 4).stream().map(User::handle).toList(), Optional.empty(), new MessageText("hello"),
                Optional.empty())).groupId();
        List<Callable<Void>> senders = new ArrayList<>();
        // the lurker never sends nor marks read: only their count is built message by message
        for (User sender : members.subList(0, 3)) {
            senders.add(() -> {
                for (int i = 0; i < 25; i++) {
                    messaging.sendMessage(new SendMessageCommand(sender, group,
                            new MessageText(sender.handle() + " " + i), Optional.empty()));
                    if (i % 10 == 9) {
                        messaging.markRead(new MarkReadCommand(sender, group, Optional.empty()));
                    }
                }
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            for (Future<Void> sending : pool.invokeAll(senders)) {
                sending.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Message> all = memory.messagesPort().messages(group, SliceQuery.newest(100)).items();
        assertThat(all).hasSize(76);
        for (User member : members) {
            MessageGroupRow row = rowIn(memory.messagesPort(), member, group);
            assertThat(row.lastMessageAt()).isEqualTo(all.get(0).createdAt());
            assertThat(row.read().unread()).as("@%s", member.handle().value())
                    .isEqualTo(recount(all, member.id(), row.read().readUpTo(), row.lastMessageAt()));
        }
    }

    private static int recount(List<Message> messages, UserId owner, Optional<Instant> readUpTo, Instant shownAt) {
        return (int) messages.stream()
                .filter(message -> !message.sender().id().equals(owner))
                .filter(message -> readUpTo.map(message.createdAt()::isAfter).orElse(true))
                .filter(message -> !message.createdAt().isAfter(shownAt))
                .count();
    }

    private MessageGroupRow markRead(User reader, MessageGroupId group, Optional<MessageId> upTo) {
        return world.messaging.markRead(new MarkReadCommand(reader, group, upTo));
    }

    private int unread(User owner, MessageGroupId group) {
        return row(owner, group).read().unread();
    }

    private MessageGroupRow row(User owner, MessageGroupId group) {
        return rowIn(world.memory.messagesPort(), owner, group);
    }

    private static MessageGroupRow rowIn(InMemoryMessagingPort storage, User owner, MessageGroupId group) {
        return storage.rowsOfGroup(group).stream().filter(row -> row.owner().equals(owner.id())).findFirst()
                .orElseThrow();
    }
}
