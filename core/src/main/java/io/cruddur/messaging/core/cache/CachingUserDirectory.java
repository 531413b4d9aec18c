package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A directory that remembers the users it found, and whom each user blocks, so that a warm host
 * asks the real directory nothing per request. Misses are not remembered (a user may be added at any time). Changes reach
 * it as a {@link UserChanges.Listener}: a changed user (their blocks included) is forgotten at once, and after a write
 * through the facade's administration methods, everyone.
 */
public final class CachingUserDirectory implements UserDirectoryPort, UserChanges.Listener {
    private final UserDirectoryPort directory;
    private final Cache<CognitoUserId, User> byCognitoUserId;
    private final Cache<String, User> byNormalizedHandle;
    private final Cache<UserId, Set<UserId>> blocksByUser;

    /**
     * A cache in front of a directory; public for the facade, which builds one over the directory it is given.
     *
     * @param directory the directory that answers misses
     * @param settings  the bounds of the three caches (by Cognito id, by handle, blocks by user)
     */
    public CachingUserDirectory(UserDirectoryPort directory, CacheSettings settings) {
        this.directory = directory;
        this.byCognitoUserId = settings.newCache();
        this.byNormalizedHandle = settings.newCache();
        this.blocksByUser = settings.newCache();
    }

    @Override
    public Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId) {
        return cached(byCognitoUserId, cognitoUserId, () -> directory.findByCognitoUserId(cognitoUserId));
    }

    @Override
    public Optional<User> findByHandle(Handle handle) {
        return cached(byNormalizedHandle, handle.normalized(), () -> directory.findByHandle(handle));
    }

    /** Read from the directory each time: only the question of {@link #blocks} is asked often enough to cache. */
    @Override
    public List<User> blockedBy(UserId blocker) {
        return directory.blockedBy(blocker);
    }

    /** Forgets the blocker's blocks once the directory has the new one. */
    @Override
    public void block(UserId blocker, UserId blocked) {
        changeBlocks(blocker, () -> directory.block(blocker, blocked));
    }

    /** Forgets the blocker's blocks once the directory no longer has this one. */
    @Override
    public void unblock(UserId blocker, UserId blocked) {
        changeBlocks(blocker, () -> directory.unblock(blocker, blocked));
    }

    /** Forgotten even when the change fails, as it may have been made before the failure reached here. */
    private void changeBlocks(UserId blocker, Runnable change) {
        try {
            change.run();
        } finally {
            blocksByUser.invalidate(blocker);
        }
    }

    /**
     * {@return whether {@code blocker} blocks {@code other}} Each user's blocks are remembered, as
     * users are, and forgotten when they change (here, or as {@link #changed} tells).
     *
     * @param blocker whose blocks to look at
     * @param other   the user who may be among them
     */
    public boolean blocks(UserId blocker, UserId other) {
        return blocksByUser.get(blocker, user -> directory.blockedBy(user).stream().map(User::id)
                .collect(Collectors.toUnmodifiableSet())).contains(other);
    }

    @Override
    public void changed(UserId user) {
        byCognitoUserId.asMap().values().removeIf(cached -> cached.id().equals(user));
        byNormalizedHandle.asMap().values().removeIf(cached -> cached.id().equals(user));
        blocksByUser.invalidate(user);
    }

    @Override
    public void anyMayHaveChanged() {
        byCognitoUserId.invalidateAll();
        byNormalizedHandle.invalidateAll();
        blocksByUser.invalidateAll();
    }

    private static <K> Optional<User> cached(Cache<K, User> cache, K key, Supplier<Optional<User>> load) {
        User hit = cache.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<User> found = load.get();
        found.ifPresent(user -> cache.put(key, user));
        return found;
    }
}
