package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A directory that remembers the users it found, so that a warm host asks the real directory
 * nothing per request. Misses are not remembered (a user may be added at any time), and every
 * write through this directory empties all three caches before it returns, so no user is
 * served as they were before a change made here. Changes made elsewhere reach it as a
 * {@link UserChanges.Listener}: a changed user is forgotten at once.
 */
public final class CachingUserDirectory implements UserDirectoryPort, UserChanges.Listener {
    private final UserDirectoryPort directory;
    private final Cache<CognitoUserId, User> byCognitoUserId;
    private final Cache<String, User> byNormalizedHandle;
    private final Cache<UserId, User> byId;

    public CachingUserDirectory(UserDirectoryPort directory, CacheSettings settings) {
        this.directory = directory;
        this.byCognitoUserId = settings.newCache();
        this.byNormalizedHandle = settings.newCache();
        this.byId = settings.newCache();
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
    public Optional<User> findById(UserId id) {
        return cached(byId, id, () -> directory.findById(id));
    }

    /** Served from the cache where it can; one lookup for the rest, whose answers it keeps. */
    @Override
    public Map<UserId, User> findByIds(Set<UserId> ids) {
        Map<UserId, User> found = new HashMap<>(byId.getAllPresent(ids));
        Set<UserId> missing = new HashSet<>(ids);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            Map<UserId, User> loaded = directory.findByIds(missing);
            byId.putAll(loaded);
            found.putAll(loaded);
        }
        return Map.copyOf(found);
    }

    @Override
    public List<UserAccount> listUsers() {
        return directory.listUsers();
    }

    @Override
    public UserAccount register(NewUser user) {
        try {
            return directory.register(user);
        } finally {
            invalidateAll();
        }
    }

    @Override
    public CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments) {
        try {
            return directory.assignCognitoUserIds(assignments);
        } finally {
            invalidateAll();
        }
    }

    @Override
    public void changed(UserId user) {
        byId.invalidate(user);
        byCognitoUserId.asMap().values().removeIf(cached -> cached.id().equals(user));
        byNormalizedHandle.asMap().values().removeIf(cached -> cached.id().equals(user));
    }

    @Override
    public void anyMayHaveChanged() {
        invalidateAll();
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

    private void invalidateAll() {
        byCognitoUserId.invalidateAll();
        byNormalizedHandle.invalidateAll();
        byId.invalidateAll();
    }
}
