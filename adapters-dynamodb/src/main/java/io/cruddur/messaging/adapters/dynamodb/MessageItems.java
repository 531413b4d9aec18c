package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.Message;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's message items as the stream readers see them in a record's new image. */
public final class MessageItems {
    private MessageItems() {
    }

    /**
     * {@return whether {@code item} is a message (not a row, a pair, an id record or a checkpoint)}
     * Only the partition key is looked at.
     *
     * @param item an item of the table, such as a stream record's new image
     */
    public static boolean isMessage(Map<String, AttributeValue> item) {
        return MessageTable.isMessageItem(item);
    }

    /**
     * {@return the message {@code item} holds}
     *
     * @param item a message item, as {@link #isMessage} tells
     * @throws IllegalArgumentException when an attribute is missing or of the wrong type, or a uuid
     *                                  or a time is malformed
     * @throws io.cruddur.messaging.core.domain.MessagingException when a value is one the domain
     *                                  refuses, such as a blank text or an invalid handle
     */
    public static Message message(Map<String, AttributeValue> item) {
        return MessageTable.message(item);
    }
}
