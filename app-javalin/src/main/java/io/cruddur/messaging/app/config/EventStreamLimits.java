package io.cruddur.messaging.app.config;

/**
 * How many live event streams a host keeps open. Over {@code perUser}, the user's oldest stream
 * is closed for the new one (an old stream is the likeliest to be dead: a closed laptop, a phone
 * that changed networks); over {@code total}, a new stream is refused.
 *
 * @param perUser streams one user may hold open at once ({@code --event-streams-per-user})
 * @param total   streams the host holds open at once ({@code --event-streams-max}); each has a writer thread
 */
public record EventStreamLimits(int perUser, int total) {
    public static final int DEFAULT_PER_USER = 5;
    public static final int DEFAULT_TOTAL = 1_000;
    public static final EventStreamLimits DEFAULT = new EventStreamLimits(DEFAULT_PER_USER, DEFAULT_TOTAL);

    public EventStreamLimits {
        if (perUser < 1) {
            throw new IllegalArgumentException("--event-streams-per-user must be 1 or more, was " + perUser);
        }
        if (total < perUser) {
            throw new IllegalArgumentException("--event-streams-max must be at least --event-streams-per-user, was "
                    + total);
        }
    }
}
