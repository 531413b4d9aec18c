package io.cruddur.messaging.app.config;

/**
 * How often one user, or one client address, may do what costs the most or invites abuse. Each is
 * a token bucket holding a minute's allowance, refilled evenly over the minute, so a burst of the
 * whole allowance is allowed and then one at the steady rate; 0 means no limit. The buckets live in
 * each host: behind a proxy spreading requests over N hosts, a client may reach up to N times these.
 *
 * @param sendsPerMinute         messages one user may send in existing conversations ({@code --sends-per-minute})
 * @param startsPerMinute        conversations one user may start or reopen by handle, changes of members and
 *                               blocks ({@code --starts-per-minute})
 * @param devLoginsPerMinute     dev logins one client address may make ({@code --dev-logins-per-minute}; local modes)
 * @param refusedTokensPerMinute tokens from one client address that may fail to verify; past that, its
 *                               requests with a token are refused unread until the bucket refills
 *                               ({@code --refused-tokens-per-minute})
 * @param readsPerMinute         times one user may mark a conversation read ({@code --reads-per-minute})
 */
public record RateLimits(int sendsPerMinute, int startsPerMinute, int devLoginsPerMinute, int refusedTokensPerMinute,
        int readsPerMinute) {
    public static final int DEFAULT_SENDS = 60;
    public static final int DEFAULT_STARTS = 10;
    public static final int DEFAULT_DEV_LOGINS = 20;
    public static final int DEFAULT_REFUSED_TOKENS = 30;
    public static final int DEFAULT_READS = 120;
    public static final RateLimits DEFAULT = new RateLimits(DEFAULT_SENDS, DEFAULT_STARTS, DEFAULT_DEV_LOGINS,
            DEFAULT_REFUSED_TOKENS, DEFAULT_READS);
    /** For load runs, which send as fast as they can. */
    public static final RateLimits NONE = new RateLimits(0, 0, 0, 0, 0);

    public RateLimits {
        if (sendsPerMinute < 0 || startsPerMinute < 0 || devLoginsPerMinute < 0 || refusedTokensPerMinute < 0
                || readsPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be 0 (no limit) or more");
        }
    }
}
