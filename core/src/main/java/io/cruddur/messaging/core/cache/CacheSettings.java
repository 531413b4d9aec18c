package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of core's caches (users by Cognito id and by handle; group members; where group rows
 * stand): at most {@code maximumSize} entries each, every entry dropped {@code expireAfterWrite}
 * after it was loaded. The expiry bounds how long a change made by another process (not through
 * this process's facade) can go unseen when no {@link io.cruddur.messaging.core.port.UserChanges}
 * tells of it sooner.
 *
 * @param maximumSize      the most entries each cache holds; 0 caches nothing
 * @param expireAfterWrite how long an entry is kept after it was loaded; not negative
 */
public record CacheSettings(long maximumSize, Duration expireAfterWrite) {
    /** 10,000 entries each, kept for 5 minutes. */
    public static final CacheSettings DEFAULT = new CacheSettings(10_000, Duration.ofMinutes(5));

    /**
     * Checks the bounds.
     *
     * @param maximumSize      the most entries each cache holds
     * @param expireAfterWrite how long an entry is kept after it was loaded
     * @throws NullPointerException     when {@code expireAfterWrite} is null
     * @throws IllegalArgumentException when either bound is negative
     */
    public CacheSettings {
        Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
        if (maximumSize < 0) {
            throw new IllegalArgumentException("cache maximum size must not be negative, was " + maximumSize);
        }
        if (expireAfterWrite.isNegative()) {
            throw new IllegalArgumentException("cache expiry must not be negative, was " + expireAfterWrite);
        }
    }

    <K, V> Cache<K, V> newCache() {
        // Maintenance on the caller's thread: the bounds hold the moment a call returns, not later.
        return Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maximumSize)
                .expireAfterWrite(expireAfterWrite)
                .build();
    }
}
