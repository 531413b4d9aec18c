package io.cruddur.messaging.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The actions of one {@code TransactWriteItems} request, each added with a {@link Slot} that later
 * asks why that action was refused: DynamoDB reports cancellation reasons by position only, and a
 * slot keeps the position next to the action it belongs to.
 */
final class Transaction {
    private final List<TransactWriteItem> actions = new ArrayList<>();

    /** Where an action sits in its transaction. */
    record Slot(int position) {
    }

    Slot add(TransactWriteItem action) {
        actions.add(action);
        return new Slot(actions.size() - 1);
    }

    List<TransactWriteItem> actions() {
        return List.copyOf(actions);
    }

    /** Why a transaction did not commit: empty when it did. */
    record Refusals(List<CancellationReason> reasons) {
        static final Refusals NONE = new Refusals(List.of());

        Refusals {
            reasons = List.copyOf(reasons);
        }

        boolean committed() {
            return reasons.isEmpty();
        }

        /** Whether the action in {@code slot} was refused because its condition did not hold. */
        boolean conditionFailed(Slot slot) {
            return StorageErrors.failedCondition(reasons, slot.position());
        }

        /** The item that stood where the refused action in {@code slot} would have written. */
        Map<String, AttributeValue> itemAt(Slot slot) {
            return reasons.get(slot.position()).item();
        }
    }
}
