package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;

/**
 * Where the first message of a started conversation went: a new group ({@code newGroup}) or the
 * pair's existing one.
 */
public record ConversationStarted(MessageGroupId groupId, Message message, boolean newGroup) {
}
