package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListMessageGroupsTest {
    private final World world = new World();

    @Test
    void my_groups_show_the_other_member_and_the_last_message_most_recent_first() {
        ConversationStarted toBayko = world.start(world.andrew, world.bayko, "hi bayko");
        MessageGroupId withBayko = toBayko.groupId();
        MessageGroupId withLondo = world.start(world.londo, world.andrew, "hi andrew").groupId();
        Instant latest = world.send(world.bayko, withBayko, "back to you").createdAt();

        MessageGroupPage page = world.groups(world.andrew);

        assertThat(page.groups()).containsExactly(
                new MessageGroupRow(world.andrew.id(), withBayko, world.bayko, new MessageText("back to you"), latest,
                        new ReadState(Optional.of(toBayko.message().createdAt()), 1)),
                new MessageGroupRow(world.andrew.id(), withLondo, world.londo, new MessageText("hi andrew"),
                        World.START.plusSeconds(2), ReadState.nothingRead(1)));
        assertThat(page.next()).isEmpty();
        assertThat(world.groups(world.bayko).groups()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Person(world.andrew));
    }

    @Test
    void conversations_from_last_year_are_still_listed_after_new_year() {
        world.clock.set(Instant.parse("2025-12-31T23:59:00Z"));
        world.start(world.andrew, world.bayko, "happy new year, soon");
        world.clock.set(Instant.parse("2026-01-01T00:01:00Z"));
        world.start(world.andrew, world.londo, "happy new year");

        assertThat(world.groups(world.andrew).groups()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Person(world.londo), new Counterpart.Person(world.bayko));
    }

    @Test
    void groups_page_back_with_a_cursor_until_the_oldest() {
        for (int i = 0; i < 5; i++) {
            User friend = world.memory.seedUser("friend" + i, "Friend " + i);
            world.start(world.andrew, friend, "hello friend " + i);
        }

        MessageGroupPage first = list(world.andrew, PageRequest.first(2));
        MessageGroupPage second = list(world.andrew, PageRequest.at(first.next().orElseThrow(), 2));
        MessageGroupPage last = list(world.andrew, PageRequest.at(second.next().orElseThrow(), 2));

        assertThat(first.groups()).extracting(row -> row.lastMessage().value())
                .containsExactly("hello friend 4", "hello friend 3");
        assertThat(second.groups()).extracting(row -> row.lastMessage().value())
                .containsExactly("hello friend 2", "hello friend 1");
        assertThat(last.groups()).extracting(row -> row.lastMessage().value()).containsExactly("hello friend 0");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void someone_elses_cursor_is_refused() {
        for (int i = 0; i < 3; i++) {
            world.start(world.bayko, world.memory.seedUser("pal" + i, "Pal " + i), "hi " + i);
        }
        MessageGroupPage baykos = list(world.bayko, PageRequest.first(1));

        assertRefused(() -> list(world.andrew, PageRequest.at(baykos.next().orElseThrow(), 1)),
                ErrorCode.CURSOR_INVALID);
    }

    @Test
    void a_user_without_conversations_has_an_empty_list() {
        assertThat(world.groups(world.londo)).isEqualTo(new MessageGroupPage(List.of(), Optional.empty()));
    }

    private MessageGroupPage list(User caller, PageRequest page) {
        return world.messaging.listMessageGroups(new ListMessageGroupsQuery(caller, page));
    }
}
