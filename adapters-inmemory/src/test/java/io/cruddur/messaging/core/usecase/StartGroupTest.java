package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StartGroupTest {
    private final World world = new World();
    private final User gkar = world.memory.seedUser("gkar", "G'Kar");

    @Test
    void a_group_gives_every_member_a_row_and_the_history_and_nobody_else() {
        ConversationStarted started = start(world.andrew, "Weekend", "hi all", world.bayko, world.londo);

        assertThat(started.newGroup()).isTrue();
        for (User member : List.of(world.andrew, world.bayko, world.londo)) {
            assertThat(world.groups(member).groups()).extracting(MessageGroupRow::groupId, MessageGroupRow::counterpart)
                    .containsExactly(tuple(started.groupId(),
                            new Counterpart.Group(Optional.of(new GroupTitle("Weekend")), "Weekend", 3)));
            assertThat(world.messages(member, started.groupId(), PageRequest.first()).messages())
                    .containsExactly(started.message());
        }
        assertRefused(() -> world.messages(gkar, started.groupId(), PageRequest.first()), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.send(gkar, started.groupId(), "let me in"), ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void a_message_in_a_group_moves_every_members_row() {
        ConversationStarted started = start(world.andrew, null, "hi all", world.bayko, world.londo);

        world.send(world.londo, started.groupId(), "hello from londo");

        for (User member : List.of(world.andrew, world.bayko, world.londo)) {
            assertThat(world.groups(member).groups()).extracting(row -> row.lastMessage().value())
                    .containsExactly("hello from londo");
        }
        assertThat(world.groups(world.bayko).groups().get(0).counterpart().displayName())
                .isEqualTo("Andrew Brown, Londo Mollari");
    }

    @Test
    void one_handle_without_a_title_is_the_pair_conversation() {
        ConversationStarted pair = world.start(world.andrew, world.bayko, "hello");

        ConversationStarted again = start(world.andrew, null, "hello again", world.bayko);

        assertThat(again.groupId()).isEqualTo(pair.groupId());
        assertThat(again.newGroup()).isFalse();
        assertThat(world.groups(world.bayko).groups()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Person(world.andrew));
    }

    @Test
    void one_person_named_in_two_spellings_without_a_title_is_the_pair_conversation() {
        ConversationStarted pair = world.start(world.andrew, world.bayko, "hello");

        ConversationStarted again = world.messaging.startGroup(StartGroupCommand.parse(world.andrew,
                List.of("bayko", "@Bayko"), null, "hello again", null));

        assertThat(again.groupId()).isEqualTo(pair.groupId());
    }

    @Test
    void titles_are_one_line_without_tabs_or_separators() {
        for (String title : List.of("two\nlines", "a\ttab", "line\u2028separator", "paragraph\u2029separator")) {
            assertRefused(() -> StartGroupCommand.parse(world.andrew, List.of("bayko", "londo"), title, "hi", null),
                    ErrorCode.GROUP_TITLE_INVALID);
        }
    }

    @Test
    void groups_of_the_same_people_may_exist_twice() {
        ConversationStarted first = start(world.andrew, null, "one", world.bayko, world.londo);
        ConversationStarted second = start(world.andrew, null, "two", world.bayko, world.londo);

        assertThat(second.groupId()).isNotEqualTo(first.groupId());
        assertThat(world.groups(world.londo).groups()).hasSize(2);
    }

    @Test
    void a_retry_with_the_same_message_uuid_starts_nothing_new() {
        MessageId id = new MessageId(UUID.randomUUID());
        StartGroupCommand command = new StartGroupCommand(world.andrew, List.of(world.bayko.handle(), world.londo.handle()),
                Optional.empty(), new MessageText("once"), Optional.of(id));

        ConversationStarted first = world.messaging.startGroup(command);
        ConversationStarted retried = world.messaging.startGroup(command);

        assertThat(retried.groupId()).isEqualTo(first.groupId());
        assertThat(retried.newGroup()).isFalse();
        assertThat(world.groups(world.bayko).groups()).hasSize(1);
        assertRefused(() -> world.messaging.startGroup(new StartGroupCommand(world.andrew, command.members(),
                Optional.empty(), new MessageText("something else"), Optional.of(id))), ErrorCode.MESSAGE_UUID_REUSED);
    }

    @Test
    void bad_groups_are_refused_with_their_codes_and_leave_nothing() {
        assertRefused(() -> start(world.andrew, "Just two", "hi", world.bayko), ErrorCode.GROUP_TOO_SMALL);
        assertRefused(() -> start(world.andrew, null, "hi", world.bayko, world.andrew), ErrorCode.CONVERSATION_WITH_SELF);
        assertRefused(() -> world.messaging.startGroup(new StartGroupCommand(world.andrew,
                        List.of(world.bayko.handle(), new Handle("nobody")), Optional.empty(), new MessageText("hi"),
                        Optional.empty())),
                ErrorCode.HANDLE_NOT_FOUND);
        assertRefused(() -> StartGroupCommand.parse(world.andrew, List.of("bayko", " "), "x".repeat(101), "", null),
                ErrorCode.MESSAGE_BLANK, ErrorCode.USER_RECIEVER_HANDLE_BLANK, ErrorCode.GROUP_TITLE_INVALID);
        assertRefused(() -> StartGroupCommand.parse(world.andrew, List.of("bayko", "londo"), "two\nlines", "hi", null),
                ErrorCode.GROUP_TITLE_INVALID);
        assertThat(world.groups(world.bayko).groups()).isEmpty();
    }

    @Test
    void a_person_named_twice_in_any_spelling_counts_once() {
        ConversationStarted started = world.messaging.startGroup(StartGroupCommand.parse(world.andrew,
                List.of("bayko", "@londo", "bayko", "Bayko", "LONDO"), null, "hi", null));

        assertThat(world.groups(world.andrew).groups().get(0).counterpart().members()).isEqualTo(3);
        assertThat(world.messages(world.londo, started.groupId(), PageRequest.first()).messages()).hasSize(1);
    }

    @Test
    void the_member_limit_is_configurable_and_the_largest_group_works_end_to_end() {
        InMemoryMessaging small = InMemoryMessaging.create(builder -> builder.maxGroupMembers(3));
        User starter = small.seedUser("starter", "Starter");
        List<Handle> three = IntStream.range(0, 3).mapToObj(i -> small.seedUser("other" + i, "Other " + i).handle())
                .toList();
        assertRefused(() -> small.messaging().startGroup(new StartGroupCommand(starter, three, Optional.empty(),
                new MessageText("hi"), Optional.empty())), ErrorCode.GROUP_TOO_LARGE);

        List<User> others = IntStream.range(0, StartGroup.MAX_MEMBERS - 1)
                .mapToObj(i -> world.memory.seedUser("member" + i, "Member " + i)).toList();
        ConversationStarted largest = world.messaging.startGroup(new StartGroupCommand(world.andrew,
                others.stream().map(User::handle).toList(), Optional.of(new GroupTitle("All hands")),
                new MessageText("welcome"), Optional.empty()));
        world.send(others.get(48), largest.groupId(), "thanks");

        for (User member : others) {
            assertThat(world.groups(member).groups()).extracting(row -> row.lastMessage().value(),
                    row -> row.counterpart().members()).containsExactly(
                    tuple("thanks", StartGroup.MAX_MEMBERS));
        }
        assertThatThrownBy(() -> InMemoryMessaging.create(builder -> builder.maxGroupMembers(StartGroup.MAX_MEMBERS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ConversationStarted start(User starter, String title, String text, User... members) {
        world.clock.advance(Duration.ofSeconds(1));
        return world.messaging.startGroup(new StartGroupCommand(starter,
                Arrays.stream(members).map(User::handle).toList(),
                Optional.ofNullable(title).map(GroupTitle::new), new MessageText(text), Optional.empty()));
    }
}
