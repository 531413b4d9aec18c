package io.cruddur.messaging.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a read state follows a row that moves on, and a reader who reads, from the messages in between. */
class ReadStateArithmeticTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final User owner = user("owner");
    private final User other = user("other");

    @Test
    void a_row_moving_past_messages_from_others_adds_them_and_past_its_owners_own_starts_counting_after_it() {
        List<Message> between = List.of(at(1, other), at(2, owner), at(3, other), at(4, other));
        ReadState behind = new ReadState(Optional.of(T0), 5);

        assertThat(behind.movedOn(owner.id(), T0, T0.plusSeconds(1), between)).isEqualTo(new ReadState(Optional.of(T0), 6));
        assertThat(behind.movedOn(owner.id(), T0, T0.plusSeconds(4), between))
                .isEqualTo(new ReadState(Optional.of(T0.plusSeconds(2)), 2));
    }

    @Test
    void a_position_already_past_the_rows_message_counts_only_what_follows_it() {
        List<Message> between = List.of(at(1, other), at(2, other), at(3, other));
        ReadState readAhead = ReadState.readUpTo(T0.plusSeconds(2));

        assertThat(readAhead.movedOn(owner.id(), T0, T0.plusSeconds(3), between))
                .isEqualTo(new ReadState(Optional.of(T0.plusSeconds(2)), 1));
    }

    @Test
    void messages_outside_the_move_are_passed_over() {
        List<Message> between = List.of(at(1, other), at(2, other), at(9, owner));

        assertThat(ReadState.nothingRead(1).movedOn(owner.id(), T0.plusSeconds(1), T0.plusSeconds(2), between))
                .isEqualTo(ReadState.nothingRead(2));
    }

    @Test
    void reading_moves_forward_only_and_counts_what_remains_up_to_the_rows_message() {
        List<Message> between = List.of(at(2, other), at(3, owner), at(4, other));
        ReadState state = new ReadState(Optional.of(T0), 3);

        ReadState read = state.readTo(owner.id(), T0.plusSeconds(1), T0.plusSeconds(4), between);
        assertThat(read).isEqualTo(new ReadState(Optional.of(T0.plusSeconds(1)), 2));
        assertThat(read.readTo(owner.id(), T0, T0.plusSeconds(4), between)).isSameAs(read);
        assertThat(read.readTo(owner.id(), T0.plusSeconds(9), T0.plusSeconds(4), List.of()))
                .isEqualTo(ReadState.readUpTo(T0.plusSeconds(9)));
        assertThat(read.alreadyRead(T0.plusSeconds(1))).isTrue();
        assertThat(read.alreadyRead(T0.plusSeconds(2))).isFalse();
        assertThat(ReadState.nothingRead(1).alreadyRead(T0)).isFalse();
    }

    @Test
    void a_count_is_never_negative() {
        assertThatThrownBy(() -> ReadState.nothingRead(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Message at(int seconds, User sender) {
        return new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()), sender,
                new MessageText("at " + seconds), T0.plusSeconds(seconds));
    }

    private static User user(String handle) {
        return new User(new UserId(UUID.randomUUID()), new Handle(handle), handle);
    }
}
