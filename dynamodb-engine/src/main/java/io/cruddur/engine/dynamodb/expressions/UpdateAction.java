package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Value;

/** One action of an update expression, on one document path. */
sealed interface UpdateAction permits UpdateAction.SetAction, UpdateAction.RemoveAction,
        UpdateAction.AddAction, UpdateAction.DeleteAction {

    /** The path the action writes. */
    DocumentPath path();

    /** {@code SET path = value}. */
    record SetAction(DocumentPath path, Operand value) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record RemoveAction(DocumentPath path) implements UpdateAction {
    }

    /** {@code ADD path :value}: a number added, or set members added. */
    record AddAction(DocumentPath path, Value value) implements UpdateAction {
    }

    /** {@code DELETE path :value}: set members taken away. */
    record DeleteAction(DocumentPath path, Value value) implements UpdateAction {
    }
}
