package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of core's caches (users by Cognito id, handle and uuid; group members): at most
 * {@code maximumSize} entries each, every entry dropped {@code expireAfterWrite} after it was
 * loaded. The expiry bounds how long a change made by another process (not through this
 * process's directory port) can go unseen.
 */
public record CacheSettings(long maximumSize, Duration expireAfterWrite) {
    public static final CacheSettings DEFAULT = new CacheSettings(10_000, Duration.ofMinutes(5));

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
