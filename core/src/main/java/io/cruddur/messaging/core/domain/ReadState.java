package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a member has read a conversation, as their row holds it: the time of the latest message
 * they have read (none before they read anything), and how many messages from others lie after it,
 * up to the message the row shows. Sending counts as reading: a member's own message moves their
 * position to it, and their own messages never count as unread.
 *
 * <p>Every change is computed from the messages themselves (their senders and times), never by
 * adding one per event, so it is exact however often or late the events that lead to it come.
 *
 * @param readUpTo the time of the latest message read; empty when nothing has been read
 * @param unread   how many messages from others are newer than {@code readUpTo} (all of them when
 *                 it is empty), up to the row's message
 */
public record ReadState(Optional<Instant> readUpTo, int unread) {
    /**
     * Requires a position (or its absence) and a count of at least 0; truncates the position to
     * the microsecond.
     *
     * @param readUpTo the time of the latest message read, if any
     * @param unread   how many messages from others are newer
     * @throws NullPointerException     when {@code readUpTo} is null
     * @throws IllegalArgumentException when {@code unread} is negative
     */
    public ReadState {
        readUpTo = Objects.requireNonNull(readUpTo, "readUpTo").map(at -> at.truncatedTo(ChronoUnit.MICROS));
        if (unread < 0) {
            throw new IllegalArgumentException("an unread count is at least 0, was " + unread);
        }
    }

    /**
     * {@return everything read up to a message, nothing unread}
     *
     * @param at the time of the latest message read
     */
    public static ReadState readUpTo(Instant at) {
        return new ReadState(Optional.of(at), 0);
    }

    /**
     * {@return nothing read yet, with some messages from others waiting}
     *
     * @param unread how many
     */
    public static ReadState nothingRead(int unread) {
        return new ReadState(Optional.empty(), unread);
    }

    /**
     * {@return the state of a row that moves from {@code from} to {@code to}}: the position moves to
     * the owner's own newest message among those in between, when there is one, and the count adds
     * the messages from others after the position.
     *
     * @param owner   whose row it is
     * @param from    the time of the message the row showed
     * @param to      the time of the message it moves to
     * @param between the group's messages newer than {@code from} up to {@code to} at least (newer ones are passed over)
     */
    public ReadState movedOn(UserId owner, Instant from, Instant to, List<Message> between) {
        Optional<Instant> ownNewest = between.stream()
                .filter(message -> inRange(message.createdAt(), from, to) && message.sender().id().equals(owner))
                .map(Message::createdAt)
                .max(Instant::compareTo);
        Optional<Instant> position = later(readUpTo, ownNewest);
        if (position.isPresent() && position.get().isAfter(from)) {
            // everything the row counted lies at or before its old time, so it is all read now
            return new ReadState(position, countFromOthers(owner, position.get(), to, between));
        }
        return new ReadState(position, unread + countFromOthers(owner, from, to, between));
    }

    /**
     * {@return the state once the owner has read up to {@code upTo}}: the position only moves
     * forward, and the count is what remains after it, up to the row's message.
     *
     * @param owner   whose row it is
     * @param upTo    the time of the message read up to
     * @param shownAt the time of the message the row shows
     * @param between the group's messages newer than the new position up to {@code shownAt} at least
     *                (only needed when the position stays behind the row's message)
     */
    public ReadState readTo(UserId owner, Instant upTo, Instant shownAt, List<Message> between) {
        Optional<Instant> position = later(readUpTo, Optional.of(upTo));
        if (position.equals(readUpTo)) {
            return this;
        }
        return new ReadState(position,
                position.get().isBefore(shownAt) ? countFromOthers(owner, position.get(), shownAt, between) : 0);
    }

    /**
     * {@return whether reading up to {@code upTo} would leave this state as it is, so that nothing
     * needs counting or writing}
     *
     * @param upTo the time of the message read up to
     */
    public boolean alreadyRead(Instant upTo) {
        return readUpTo.isPresent() && !readUpTo.get().isBefore(upTo);
    }

    private static int countFromOthers(UserId owner, Instant after, Instant upTo, List<Message> between) {
        return (int) between.stream()
                .filter(message -> inRange(message.createdAt(), after, upTo) && !message.sender().id().equals(owner))
                .count();
    }

    private static boolean inRange(Instant time, Instant after, Instant upTo) {
        return time.isAfter(after) && !time.isAfter(upTo);
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(time -> time.isAfter(one.get())).or(() -> one);
    }
}
