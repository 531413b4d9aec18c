package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
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

class ChangeMembersTest {
    private final World world = new World();
    private final User gkar = world.memory.seedUser("gkar", "G'Kar");
    private final User vir = world.memory.seedUser("vir", "Vir Cotto");

    @Test
    void people_added_by_a_member_see_the_whole_history_and_their_messages_reach_everyone() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        world.send(world.bayko, group, "before gkar came");

        GroupMembers now = add(world.londo, group, gkar);

        assertThat(now.members()).containsExactly(world.andrew, world.bayko, world.londo, gkar);
        assertThat(world.groups(gkar).groups()).extracting(row -> row.lastMessage().value(),
                row -> row.counterpart().members()).containsExactly(tuple("before gkar came", 4));
        assertThat(world.messages(gkar, group, PageRequest.first()).messages()).extracting(m -> m.text().value())
                .containsExactly("hi all", "before gkar came");
        world.send(gkar, group, "hello, I am new");
        for (User member : List.of(world.andrew, world.bayko, world.londo, gkar)) {
            assertThat(world.groups(member).groups()).extracting(row -> row.lastMessage().value(),
                    row -> row.counterpart().members()).containsExactly(tuple("hello, I am new", 4));
        }
    }

    @Test
    void adding_people_who_are_members_already_writes_nothing_so_a_retry_adds_nobody_twice() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        GroupMembers once = add(world.andrew, group, gkar);

        GroupMembers again = add(world.bayko, group, gkar, world.londo);

        assertThat(again).isEqualTo(once);
        assertThat(world.messaging.listMembers(world.andrew, group)).extracting(Member::user).containsExactly(
                world.andrew, world.bayko, world.londo, gkar);
    }

    @Test
    void a_member_who_leaves_loses_the_row_and_is_refused_reading_writing_and_leaving_again() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        world.messages(world.bayko, group, PageRequest.first());

        world.messaging.leaveGroup(world.bayko, group);

        assertThat(world.groups(world.bayko).groups()).isEmpty();
        assertRefused(() -> world.messages(world.bayko, group, PageRequest.first()), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.send(world.bayko, group, "still here?"), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.listMembers(world.bayko, group), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> add(world.bayko, group, gkar), ErrorCode.NOT_A_MEMBER);
        assertThat(world.groups(world.andrew).groups()).extracting(row -> row.counterpart().displayName(),
                row -> row.counterpart().members()).containsExactly(tuple("Londo Mollari", 2));
        assertRefused(() -> world.messaging.leaveGroup(world.bayko, group), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.leaveGroup(gkar, group), ErrorCode.NOT_A_MEMBER);
        assertThat(world.messaging.listMembers(world.andrew, group)).extracting(Member::user).containsExactly(world.andrew, world.londo);
    }

    @Test
    void when_everyone_has_left_the_group_refuses_them_all_as_not_members() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);

        for (User member : List.of(world.andrew, world.bayko, world.londo)) {
            world.messaging.leaveGroup(member, group);
        }

        assertRefused(() -> world.messages(world.londo, group, PageRequest.first()), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> add(world.londo, group, gkar), ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void someone_left_alone_in_a_group_without_a_title_sees_that_nobody_else_is_there() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);

        world.messaging.leaveGroup(world.bayko, group);
        world.messaging.leaveGroup(world.londo, group);

        assertThat(world.groups(world.andrew).groups()).extracting(row -> row.counterpart().displayName(),
                row -> row.counterpart().members()).containsExactly(tuple("Nobody else", 1));
    }

    @Test
    void members_are_listed_to_members_only_and_a_pair_lists_its_two() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        MessageGroupId pair = world.start(world.andrew, world.bayko, "just us").groupId();

        assertThat(world.messaging.listMembers(world.londo, group)).extracting(Member::user).containsExactly(
                world.andrew, world.bayko, world.londo);
        assertThat(world.messaging.listMembers(world.bayko, pair)).extracting(Member::user).containsExactly(world.bayko, world.andrew);
        assertRefused(() -> world.messaging.listMembers(gkar, group), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.listMembers(gkar, pair), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.listMembers(gkar, new MessageGroupId(UUID.randomUUID())),
                ErrorCode.MESSAGE_GROUP_NOT_FOUND);
    }

    @Test
    void a_pairs_members_never_change() {
        MessageGroupId pair = world.start(world.andrew, world.bayko, "just us").groupId();

        assertRefused(() -> add(world.andrew, pair, gkar), ErrorCode.PAIR_MEMBERS_FIXED);
        assertRefused(() -> world.messaging.leaveGroup(world.bayko, pair), ErrorCode.PAIR_MEMBERS_FIXED);
        assertRefused(() -> add(gkar, pair, vir), ErrorCode.NOT_A_MEMBER);
        assertThat(world.groups(world.bayko).groups()).extracting(MessageGroupRow::groupId).containsExactly(pair);
    }

    @Test
    void only_members_add_known_people_and_nobody_joins_past_the_limit() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);

        assertRefused(() -> add(gkar, group, vir), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.addMembers(new AddMembersCommand(world.andrew, group,
                List.of(gkar.handle(), new Handle("nobody")))), ErrorCode.HANDLE_NOT_FOUND);
        assertRefused(() -> add(world.andrew, new MessageGroupId(UUID.randomUUID()), gkar),
                ErrorCode.MESSAGE_GROUP_NOT_FOUND);
        assertRefused(() -> AddMembersCommand.parse(world.andrew, "not-a-uuid", List.of(" ")),
                ErrorCode.MESSAGE_GROUP_UUID_INVALID, ErrorCode.USER_RECIEVER_HANDLE_BLANK);
        assertRefused(() -> AddMembersCommand.parse(world.andrew, group.toString(), List.of()),
                ErrorCode.USER_RECIEVER_HANDLE_BLANK);
        assertThat(world.messaging.listMembers(world.andrew, group)).hasSize(3);

        InMemoryMessaging small = InMemoryMessaging.create(builder -> builder.maxGroupMembers(4));
        List<User> people = IntStream.range(0, 5).mapToObj(i -> small.seedUser("person" + i, "Person " + i)).toList();
        MessageGroupId smallGroup = small.messaging().startGroup(new StartGroupCommand(people.get(0),
                List.of(people.get(1).handle(), people.get(2).handle()), Optional.empty(), new MessageText("hi"),
                Optional.empty())).groupId();
        assertRefused(() -> small.messaging().addMembers(new AddMembersCommand(people.get(0), smallGroup,
                List.of(people.get(3).handle(), people.get(4).handle()))), ErrorCode.GROUP_TOO_LARGE);
        assertThat(small.messaging().addMembers(new AddMembersCommand(people.get(0), smallGroup,
                List.of(people.get(3).handle()))).members()).hasSize(4);
    }

    @Test
    void a_group_grows_to_the_largest_size_and_a_message_then_moves_every_row() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        List<User> others = IntStream.range(0, StartGroup.MAX_MEMBERS - 3)
                .mapToObj(i -> world.memory.seedUser("member" + i, "Member " + i)).toList();

        world.messaging.addMembers(new AddMembersCommand(world.andrew, group, others.stream().map(User::handle).toList()));
        world.send(others.get(0), group, "thanks for having us");

        for (User member : others) {
            assertThat(world.groups(member).groups()).extracting(row -> row.lastMessage().value(),
                    row -> row.counterpart().members()).containsExactly(
                    tuple("thanks for having us", StartGroup.MAX_MEMBERS));
        }
        assertRefused(() -> add(world.andrew, group, gkar), ErrorCode.GROUP_TOO_LARGE);
    }

    @Test
    void a_change_waits_for_an_index_that_still_shows_the_rows_where_a_new_message_found_them() {
        MessageGroupId group = startGroup(world.andrew, world.bayko, world.londo);
        List<MessageGroupRow> before = world.memory.messagesPort().rowsOfGroup(group);
        world.send(world.bayko, group, "the rows move");
        long caughtUpAt = System.nanoTime() + Duration.ofMillis(300).toNanos();
        Messaging lagging = Messaging.builder().users(world.memory.usersPort())
                .messages(new ForwardingMessagingPort(world.memory.messagesPort()) {
                    @Override
                    public List<MessageGroupRow> rowsOfGroup(MessageGroupId asked) {
                        return System.nanoTime() < caughtUpAt ? before : super.rowsOfGroup(asked);
                    }
                }).build();

        GroupMembers now = lagging.addMembers(new AddMembersCommand(world.andrew, group, List.of(gkar.handle())));

        assertThat(now.members()).contains(gkar);
        assertThat(world.groups(gkar).groups()).extracting(row -> row.lastMessage().value())
                .containsExactly("the rows move");
    }

    private GroupMembers add(User member, MessageGroupId group, User... joining) {
        return world.messaging.addMembers(new AddMembersCommand(member, group,
                Arrays.stream(joining).map(User::handle).toList()));
    }

    private MessageGroupId startGroup(User starter, User... others) {
        world.clock.advance(Duration.ofSeconds(1));
        return world.messaging.startGroup(new StartGroupCommand(starter, Arrays.stream(others).map(User::handle).toList(),
                Optional.empty(), new MessageText("hi all"), Optional.empty())).groupId();
    }
}
