package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;

/**
 * Where the first message of a started conversation went: a new group ({@code newGroup}) or the
 * pair's existing one.
 *
 * @param groupId  the group the message went to
 * @param message  the message as stored (for a retried start, the one stored the first time)
 * @param newGroup whether this start created the group
 */
public record ConversationStarted(MessageGroupId groupId, Message message, boolean newGroup) {
}
