package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.Message;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's message items as the stream readers see them in a record's new image. */
public final class MessageItems {
    private MessageItems() {
    }

    /** Whether {@code item} is a message (not a row, a pair, an id record or a checkpoint). */
    public static boolean isMessage(Map<String, AttributeValue> item) {
        return MessageTable.isMessageItem(item);
    }

    /**
     * The message {@code item} holds; {@link IllegalArgumentException} when an attribute is
     * missing or of the wrong type, {@code MessagingException} when a value is invalid.
     */
    public static Message message(Map<String, AttributeValue> item) {
        return MessageTable.message(item);
    }
}
