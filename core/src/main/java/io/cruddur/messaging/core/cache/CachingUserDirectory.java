package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A directory that remembers the users it found, so that a warm host asks the real directory
 * nothing per request. Misses are not remembered (a user may be added at any time). Changes reach
 * it as a {@link UserChanges.Listener}: a changed user is forgotten at once, and after a write
 * through the facade's administration methods, everyone.
 */
public final class CachingUserDirectory implements UserDirectoryPort, UserChanges.Listener {
    private final UserDirectoryPort directory;
    private final Cache<CognitoUserId, User> byCognitoUserId;
    private final Cache<String, User> byNormalizedHandle;

    /**
     * A cache in front of a directory; public for the facade, which builds one over the directory it is given.
     *
     * @param directory the directory that answers misses
     * @param settings  the bounds of the two caches (by Cognito id, by handle)
     */
    public CachingUserDirectory(UserDirectoryPort directory, CacheSettings settings) {
        this.directory = directory;
        this.byCognitoUserId = settings.newCache();
        this.byNormalizedHandle = settings.newCache();
    }

    @Override
    public Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId) {
        return cached(byCognitoUserId, cognitoUserId, () -> directory.findByCognitoUserId(cognitoUserId));
    }

    @Override
    public Optional<User> findByHandle(Handle handle) {
        return cached(byNormalizedHandle, handle.normalized(), () -> directory.findByHandle(handle));
    }

    @Override
    public void changed(UserId user) {
        byCognitoUserId.asMap().values().removeIf(cached -> cached.id().equals(user));
        byNormalizedHandle.asMap().values().removeIf(cached -> cached.id().equals(user));
    }

    @Override
    public void anyMayHaveChanged() {
        byCognitoUserId.invalidateAll();
        byNormalizedHandle.invalidateAll();
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
