package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link UserDirectoryPort} and {@link UserAdministrationPort} in memory: handles unique regardless
 * of case, Cognito ids unique when set, each user's blocks in the order they were made.
 */
public final class InMemoryUserDirectory implements UserDirectoryPort, UserAdministrationPort {
    private final Map<UserId, UserAccount> byId = new HashMap<>();
    private final TreeMap<String, UserId> byNormalizedHandle = new TreeMap<>();
    private final Map<CognitoUserId, UserId> byCognitoUserId = new HashMap<>();
    private final Map<UserId, Set<UserId>> blocks = new HashMap<>();

    @Override
    public synchronized Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId) {
        return Optional.ofNullable(byCognitoUserId.get(cognitoUserId)).map(this::userOf);
    }

    @Override
    public synchronized Optional<User> findByHandle(Handle handle) {
        return Optional.ofNullable(byNormalizedHandle.get(handle.normalized())).map(this::userOf);
    }

    @Override
    public synchronized List<User> blockedBy(UserId blocker) {
        return blocks.getOrDefault(blocker, Set.of()).stream().filter(byId::containsKey).map(this::userOf).toList();
    }

    @Override
    public synchronized void block(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw new IllegalArgumentException("nobody blocks themselves");
        }
        blocks.computeIfAbsent(blocker, id -> new LinkedHashSet<>()).add(blocked);
    }

    @Override
    public synchronized void unblock(UserId blocker, UserId blocked) {
        Set<UserId> blockersBlocks = blocks.get(blocker);
        if (blockersBlocks != null) {
            blockersBlocks.remove(blocked);
        }
    }

    @Override
    public synchronized List<UserAccount> listUsers() {
        return byNormalizedHandle.values().stream().map(byId::get).toList();
    }

    @Override
    public synchronized UserAccount register(NewUser newUser) {
        if (byNormalizedHandle.containsKey(newUser.handle().normalized())) {
            throw new MessagingException(ErrorCode.HANDLE_TAKEN, "handle " + newUser.handle() + " is taken");
        }
        newUser.cognitoUserId().filter(byCognitoUserId::containsKey).ifPresent(taken -> {
            throw cognitoIdTaken();
        });
        User user = new User(new UserId(UUID.randomUUID()), newUser.handle(), newUser.displayName());
        UserAccount account = new UserAccount(user, newUser.email(), newUser.cognitoUserId());
        store(account);
        return account;
    }

    /** Applied in the map's order, each assignment seeing those before it, as a database transaction would. */
    @Override
    public synchronized CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments) {
        Map<CognitoUserId, UserId> holders = new HashMap<>(byCognitoUserId);
        Map<UserId, CognitoUserId> assigned = new LinkedHashMap<>();
        List<Handle> unknown = new ArrayList<>();
        int updated = 0;
        for (Map.Entry<Handle, CognitoUserId> assignment : assignments.entrySet()) {
            UserId user = byNormalizedHandle.get(assignment.getKey().normalized());
            if (user == null) {
                unknown.add(assignment.getKey());
                continue;
            }
            UserId holder = holders.get(assignment.getValue());
            if (holder != null && !holder.equals(user)) {
                throw cognitoIdTaken();
            }
            Optional.ofNullable(assigned.get(user)).or(() -> byId.get(user).cognitoUserId()).ifPresent(holders::remove);
            holders.put(assignment.getValue(), user);
            assigned.put(user, assignment.getValue());
            updated++;
        }
        assigned.forEach((user, cognitoUserId) -> {
            UserAccount account = byId.get(user);
            account.cognitoUserId().ifPresent(byCognitoUserId::remove);
            store(new UserAccount(account.user(), account.email(), Optional.of(cognitoUserId)));
        });
        return new CognitoAssignment(updated, unknown);
    }

    private void store(UserAccount account) {
        UserId id = account.user().id();
        byId.put(id, account);
        byNormalizedHandle.put(account.user().handle().normalized(), id);
        account.cognitoUserId().ifPresent(cognitoUserId -> byCognitoUserId.put(cognitoUserId, id));
    }

    private User userOf(UserId id) {
        return byId.get(id).user();
    }

    private static MessagingException cognitoIdTaken() {
        return new MessagingException(ErrorCode.COGNITO_USER_ID_TAKEN, "a Cognito user id belongs to one user");
    }
}
