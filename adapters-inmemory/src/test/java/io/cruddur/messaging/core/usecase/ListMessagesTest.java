package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.PageRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListMessagesTest {
    private final World world = new World();
    private final MessageGroupId group = world.start(world.andrew, world.bayko, "message 1").groupId();

    ListMessagesTest() {
        IntStream.rangeClosed(2, 25).forEach(i ->
                world.send(i % 2 == 0 ? world.bayko : world.andrew, group, "message " + i));
    }

    @Test
    void a_member_reads_the_newest_page_oldest_first() {
        MessagePage page = world.messages(world.bayko, group, PageRequest.first());

        assertThat(texts(page)).isEqualTo(range(6, 25));
        assertThat(page.older()).isPresent();
        assertThat(page.newer()).isEmpty();
        assertThat(page.messages().get(0).sender()).isEqualTo(world.bayko);
    }

    @Test
    void older_pages_reach_the_first_message_and_then_stop() {
        MessagePage newest = world.messages(world.andrew, group, PageRequest.first(10));
        MessagePage middle = world.messages(world.andrew, group, PageRequest.at(newest.older().orElseThrow(), 10));
        MessagePage oldest = world.messages(world.andrew, group, PageRequest.at(middle.older().orElseThrow(), 10));

        assertThat(texts(middle)).isEqualTo(range(6, 15));
        assertThat(texts(oldest)).isEqualTo(range(1, 5));
        assertThat(oldest.older()).isEmpty();
        assertThat(oldest.newer()).isPresent();
    }

    @Test
    void newer_pages_lead_back_to_the_newest_message_and_then_stop() {
        MessagePage oldest = world.messages(world.andrew, group,
                PageRequest.at(world.messages(world.andrew, group, PageRequest.first(20)).older().orElseThrow(), 20));

        MessagePage forward = world.messages(world.andrew, group, PageRequest.at(oldest.newer().orElseThrow(), 20));

        assertThat(texts(forward)).isEqualTo(range(6, 25));
        assertThat(forward.newer()).as("the page ends exactly at the newest message").isEmpty();
        assertThat(forward.older()).isPresent();
    }

    @Test
    void a_page_holding_the_whole_group_has_no_cursors() {
        MessagePage all = world.messages(world.andrew, group, PageRequest.first(25));

        assertThat(all.messages()).hasSize(25);
        assertThat(all.older()).isEmpty();
        assertThat(all.newer()).isEmpty();
    }

    @Test
    void a_non_member_cannot_read_a_group() {
        assertRefused(() -> world.messages(world.londo, group, PageRequest.first()), ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void an_unknown_group_is_not_found() {
        assertRefused(() -> world.messages(world.andrew, new MessageGroupId(UUID.randomUUID()), PageRequest.first()),
                ErrorCode.MESSAGE_GROUP_NOT_FOUND);
    }

    @Test
    void a_cursor_of_another_list_is_refused() {
        MessageGroupId other = world.start(world.andrew, world.londo, "elsewhere").groupId();
        world.send(world.londo, other, "reply");
        Cursor otherGroups = world.messages(world.andrew, other, PageRequest.first(1)).older().orElseThrow();

        assertRefused(() -> world.messages(world.andrew, group, PageRequest.at(otherGroups, 10)),
                ErrorCode.CURSOR_INVALID);
        assertRefused(() -> world.messages(world.andrew, group, PageRequest.at(new Cursor("forged.cursor"), 10)),
                ErrorCode.CURSOR_INVALID);
    }

    private static List<String> texts(MessagePage page) {
        return page.messages().stream().map(Message::text).map(Object::toString).toList();
    }

    private static List<String> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "message " + i).toList();
    }
}
