package com.example.chat;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.util.List;

/** The embedding service's own feature: customers write to support by handle and see their inbox. */
public final class SupportChat {
    private final Messaging messaging;

    public SupportChat(Messaging messaging) {
        this.messaging = messaging;
    }

    /** Writes to {@code handle}, in the pair's conversation or a new one; returns the conversation. */
    public MessageGroupId write(User from, String handle, String text) {
        return messaging.startConversation(StartConversationCommand.parse(from, handle, text, null)).groupId();
    }

    /** The user's conversations, most recent first, as "whom it is with: last message". */
    public List<String> inbox(User user) {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(user, PageRequest.first())).groups().stream()
                .map(row -> row.counterpart().displayName() + ": " + row.lastMessage().value())
                .toList();
    }
}
