package io.cruddur.messaging.app.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A minute's allowance per key (a user or a client address): one Bucket4j token bucket each,
 * refilled evenly over a minute. A key unseen for a minute is forgotten, which is the same as a
 * full bucket; at most {@value #MAX_KEYS} keys are remembered, the least recently seen forgotten first.
 */
final class Throttle {
    static final int MAX_KEYS = 100_000;
    private static final Duration REFILL = Duration.ofMinutes(1);

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(REFILL).maximumSize(MAX_KEYS)
            .build();

    /** 0: no limit. */
    Throttle(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one from the key's allowance, or refuses with {@code 429 rate_limited} when it is spent. */
    void take(String key) {
        if (perMinute > 0) {
            ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw ApiErrors.HostRefusal.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }

    /** Takes one from the key's allowance if any is left, refusing nothing now. */
    void spend(String key) {
        if (perMinute > 0) {
            bucket(key).tryConsume(1);
        }
    }

    /**
     * Refuses with {@code 429 rate_limited} when the key's allowance is spent, taking nothing. A key
     * that never spent any has no bucket, and none is made for it: this runs on every request.
     */
    void refuseIfSpent(String key) {
        Bucket bucket = perMinute > 0 ? buckets.getIfPresent(key) : null;
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            throw ApiErrors.HostRefusal.rateLimited(
                    Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, unseen -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, REFILL)).build());
    }
}
