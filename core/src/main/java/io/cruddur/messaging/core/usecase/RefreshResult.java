package io.cruddur.messaging.core.usecase;

/** How many members' group rows pattern E moved forward (0 for a duplicate or late message). */
public record RefreshResult(int advancedRows) {
}
