package io.cruddur.messaging.core.contract;

import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Fresh users, groups and messages for contract tests. Every value is new, so tests may share one
 * storage (one table, one database) without seeing each other's data.
 */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T09:15:02.123456Z");

    private Fixtures() {
    }

    /** A handle no other test uses: the prefix plus random characters. */
    public static Handle uniqueHandle(String prefix) {
        return new Handle(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static User user(String name) {
        return new User(new UserId(UUID.randomUUID()), uniqueHandle(name), "Display " + name);
    }

    public static MessageGroupId newGroup() {
        return new MessageGroupId(UUID.randomUUID());
    }

    public static Message message(MessageGroupId group, User sender, String text, Instant at) {
        return new Message(new MessageId(UUID.randomUUID()), group, sender, new MessageText(text), at);
    }
}
